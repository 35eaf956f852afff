/**
 * `mcflow-hooks doctor`: one line per fact with ✓ or ✗, and for each ✗ the command that fixes
 * it. Exit 1 when something is wrong, so a script or a support thread can rely on it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineCommand, type Command } from '../command.js';
import { loadConfig } from '../config/load.js';
import { ExitCode, isMcflowError } from '../errors.js';
import { git } from '../git/exec.js';
import { readConfigValue } from '../git/repo.js';
import { hookLine, isOurLine, shippedHooks } from '../install/hook-files.js';
import { findGitDirHooks } from '../install/existing-hooks.js';
import { isHuskyHookFile } from '../install/husky.js';
import { detectPackageManager } from '../install/package-manager.js';
import { findInstalled, locateProject, type Project } from '../install/project.js';
import { CI_INSTALL, mainWorktreeRoot } from './init.js';
import { messages } from '../messages.js';
import { parseArgs, withUsageErrors } from './options.js';

const INIT = messages.doctor.initFix;

interface Fact {
  ok: boolean;
  text: string;
  fix?: string;
}

export const spec = defineCommand({ name: 'doctor', summary: 'check the set-up, one line per fact, with the fix for each ✗', options: {} });

export const command: Command = async (args, io) => {
  withUsageErrors('doctor', args, () => parseArgs({ args, strict: true, options: spec.options }));
  const facts: Fact[] = [];
  const add = (ok: boolean, text: string, fix?: string) => facts.push({ ok, text, fix });

  const gitVersion = /git version (\S+)/.exec(safe(() => git(['--version'], { cwd: io.cwd }).stdout) ?? '')?.[1];
  add(gitVersion !== undefined, messages.doctor.git(gitVersion), messages.gitMissingFix);
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  add(major > 20 || (major === 20 && minor >= 17), messages.doctor.node(process.versions.node), messages.doctor.nodeFix);

  let project: Project | undefined;
  try {
    project = locateProject(io.cwd, io.env);
    add(true, messages.doctor.repository(project.repo.root, project.layout.packageDir));
  } catch (error) {
    if (!isMcflowError(error)) throw error;
    add(false, error.message, error.fix);
  }
  if (project) await checkProject(project, add);

  // A fact can quote a config value or a git setting: masked as every report is.
  const { maskTexts } = await import('../checks/secrets.mask.js');
  const lines = await maskTexts(facts.map((fact) => (fact.ok ? messages.doctor.ok(fact.text) : messages.doctor.bad(fact.text, fact.fix ?? INIT))));
  for (const line of lines) io.stdout.write(`${line}\n`);
  const bad = facts.filter((fact) => !fact.ok).length;
  io.stdout.write(`\n${bad === 0 ? messages.doctor.allGood : messages.doctor.problems(bad)}\n`);
  return bad === 0 ? ExitCode.ok : ExitCode.violation;
};

async function checkProject(project: Project, add: (ok: boolean, text: string, fix?: string) => void): Promise<void> {
  const { repo, layout, packageDir } = project;
  const mainRoot = mainWorktreeRoot(repo.root);
  // In a linked worktree, `init` is the wrong advice: the set-up is shared, only this tree's install is missing.
  const linked = mainRoot !== repo.root;
  const pm = detectPackageManager(packageDir, repo.root, undefined, {});
  const installHere = messages.doctor.worktreeFix(repo.root, CI_INSTALL[pm.name] ?? 'npm ci', `${mainRoot}/${layout.hooksDir}/_`);
  const setUpFix = linked ? installHere : INIT;
  const expected = `${mainRoot}/${layout.hooksDir}/_`;
  const hooksPath = readConfigValue(repo, 'core.hooksPath');
  // husky's relative path works where this tree has its own `.husky/_`; the absolute one init writes works everywhere.
  const effective = hooksPath === undefined ? undefined : path.resolve(repo.root, hooksPath);
  const hasRunner = effective !== undefined && fs.existsSync(path.join(effective, 'h'));
  const pathOk = hasRunner && (hooksPath === `${layout.hooksDir}/_` || (path.isAbsolute(hooksPath!) && hooksPath!.endsWith(`/${layout.hooksDir}/_`)));
  add(pathOk, messages.doctor.hooksPath(hooksPath, expected, pathOk), setUpFix);

  const packageInMain = path.join(mainRoot, path.relative(repo.root, packageDir));
  const huskyDir = findInstalled('husky', packageDir) ?? (linked ? findInstalled('husky', packageInMain) : undefined);
  add(huskyDir !== undefined && hasRunner, messages.doctor.husky(huskyDir !== undefined, `${hooksPath ?? expected}/h`, hasRunner), setUpFix);

  const ours = findInstalled('mcflow-hooks', packageDir) ?? (linked ? findInstalled('mcflow-hooks', packageInMain) : undefined);
  const installedVersion = ours ? (JSON.parse(fs.readFileSync(path.join(ours, 'package.json'), 'utf8')) as { version: string }).version : undefined;
  add(installedVersion !== undefined, messages.doctor.installed(installedVersion, __MCFLOW_VERSION__), setUpFix);

  // Hooks git ran before init, from .git/hooks: with core.hooksPath set they run only if chained.
  if (hooksPath !== undefined) {
    for (const legacy of findGitDirHooks(repo.root)) {
      const ourFile = path.join(repo.root, layout.hooksDir, legacy.name);
      const text = fs.existsSync(ourFile) ? fs.readFileSync(ourFile, 'utf8') : '';
      const chained = text.includes(`/hooks/${legacy.name}"`) || text.includes(`git lfs ${legacy.name} `);
      const shown = path.relative(repo.root, legacy.file);
      if (chained) add(true, messages.doctor.legacyChained(shown, legacy.kind));
      else add(false, messages.doctor.legacyNeverRuns(shown, legacy.kind, hooksPath), INIT);
    }
  }

  for (const [name, shipped] of shippedHooks()) {
    const file = path.join(repo.root, layout.hooksDir, name);
    const shown = path.relative(repo.root, file);
    if (!fs.existsSync(file)) {
      add(false, messages.doctor.hookMissing(shown), INIT);
      continue;
    }
    const executable = (fs.statSync(file).mode & 0o111) !== 0;
    const ourLines = fs.readFileSync(file, 'utf8').split('\n').filter(isOurLine);
    const line = ourLines[0];
    const expected = [hookLine(shipped, layout.packageDir), hookLine(shipped, layout.packageDir, { pushInput: true })];
    const current = ourLines.some((candidate) => expected.includes(candidate));
    if (!executable) add(false, messages.doctor.hookNotExecutable(shown), messages.doctor.hookNotExecutableFix(shown));
    else if (!line) add(false, messages.doctor.hookNotCalling(shown), INIT);
    else if (!current) add(false, messages.doctor.hookOutdated(shown), INIT);
    else add(true, messages.doctor.hookOk(shown));
    // git runs the file in core.hooksPath, and only husky's calls ours: simple-git-hooks and other
    // tools that follow core.hooksPath overwrite it, or delete the hooks they do not configure.
    if (hasRunner) {
      const runner = path.join(effective!, name);
      if (!isHuskyHookFile(runner)) add(false, messages.doctor.runnerReplaced(runner, shown, fs.existsSync(runner)), INIT);
    }
  }

  try {
    const resolved = await loadConfig(packageDir, repo.root);
    const from = resolved.sources.map((source) => (source.startsWith(repo.root) ? path.relative(repo.root, source) : path.basename(source, '.json'))).join(' → ');
    add(true, messages.doctor.config(resolved.filepath && path.relative(repo.root, resolved.filepath), from));
    await checkConfigCache(packageDir, repo.root, add);
  } catch (error) {
    if (!isMcflowError(error)) throw error;
    add(false, error.message, error.fix);
  }
}

/** Whether the hooks can read the configs from the resolved-config cache, and if not why. */
async function checkConfigCache(packageDir: string, root: string, add: (ok: boolean, text: string, fix?: string) => void): Promise<void> {
  const { resolveConfigCached } = await import('../config/load-cached.js');
  const ours = await resolveConfigCached(packageDir, root);
  if (ours.resolved.filepath) add(true, messages.doctor.configCache(`mcflow config ${path.relative(root, ours.resolved.filepath)}`, ours.cache, ours.reason));
  const { findCommitlintConfig, loadCommitlintConfig } = await import('../commitlint/setup.js');
  const own = ours.resolved.config.commits?.useCommitlintConfig === false ? undefined : findCommitlintConfig(root);
  if (!own) return;
  const { loadCommitlintCached } = await import('../commitlint/cache.js');
  const status = await loadCommitlintCached(own, root, loadCommitlintConfig);
  add(true, messages.doctor.configCache(`commitlint config ${path.relative(root, own)}`, status.cache, status.reason));
}

function safe<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
