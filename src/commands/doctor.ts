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
import { locateProject, type Project } from '../install/project.js';
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

  for (const fact of facts) io.stdout.write(`${fact.ok ? messages.doctor.ok(fact.text) : messages.doctor.bad(fact.text, fact.fix ?? INIT)}\n`);
  const bad = facts.filter((fact) => !fact.ok).length;
  io.stdout.write(`\n${bad === 0 ? messages.doctor.allGood : messages.doctor.problems(bad)}\n`);
  return bad === 0 ? ExitCode.ok : ExitCode.violation;
};

async function checkProject(project: Project, add: (ok: boolean, text: string, fix?: string) => void): Promise<void> {
  const { repo, layout, packageDir } = project;
  const expected = `${layout.hooksDir}/_`;
  const hooksPath = readConfigValue(repo, 'core.hooksPath');
  add(hooksPath === expected, messages.doctor.hooksPath(hooksPath, expected), INIT);

  const huskyDir = findInstalled('husky', packageDir);
  const hasRunner = fs.existsSync(path.join(repo.root, expected, 'h'));
  add(huskyDir !== undefined && hasRunner, messages.doctor.husky(huskyDir !== undefined, `${expected}/h`, hasRunner), INIT);

  const ours = findInstalled('mcflow-hooks', packageDir);
  const installedVersion = ours ? (JSON.parse(fs.readFileSync(path.join(ours, 'package.json'), 'utf8')) as { version: string }).version : undefined;
  add(installedVersion !== undefined, messages.doctor.installed(installedVersion, __MCFLOW_VERSION__), INIT);

  for (const [name, shipped] of shippedHooks()) {
    const file = path.join(repo.root, layout.hooksDir, name);
    const shown = path.relative(repo.root, file);
    if (!fs.existsSync(file)) {
      add(false, messages.doctor.hookMissing(shown), INIT);
      continue;
    }
    const executable = (fs.statSync(file).mode & 0o111) !== 0;
    const line = fs.readFileSync(file, 'utf8').split('\n').find(isOurLine);
    const current = line === hookLine(shipped, layout.packageDir);
    if (!executable) add(false, messages.doctor.hookNotExecutable(shown), messages.doctor.hookNotExecutableFix(shown));
    else if (!line) add(false, messages.doctor.hookNotCalling(shown), INIT);
    else if (!current) add(false, messages.doctor.hookOutdated(shown), INIT);
    else add(true, messages.doctor.hookOk(shown));
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

function findInstalled(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function safe<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
