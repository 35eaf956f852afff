/**
 * `mcflow-hooks init`: from an ordinary repository to enforced policy. Works out every change
 * first (see install/plan.ts), refuses before writing anything when the repository is not fit,
 * and never overwrites the user's hooks, config or templates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineCommand, type Command, type Io } from '../command.js';
import { CI_PROVIDERS, renderCiTemplate, type CiProvider } from '../ci/templates.js';
import { builtInPresetNames } from '../config/presets.js';
import { locateConfigFile } from '../config/load.js';
import { ExitCode, UsageError } from '../errors.js';
import { readConfigValue } from '../git/repo.js';
import { initConfigContent } from '../install/adapt-config.js';
import { commonGitDir } from '../install/existing-hooks.js';
import { mergeHook, replacedLines, shippedHooks } from '../install/hook-files.js';
import { planHookFiles } from '../install/hook-plan.js';
import { choosePreset } from '../install/preset-choice.js';
import { assertHooksPathFree, huskyBin, isHuskyHookFile, mergePrepare } from '../install/husky.js';
import { formatPackageJson, readPackageJson, setEntry } from '../install/package-json.js';
import { detectPackageManager, isOnPath } from '../install/package-manager.js';
import { applyActions, describeAction, presentPlan, type Action } from '../install/plan.js';
import { findInstalled, huskyRange, locateProject } from '../install/project.js';
import { CONFIG_FILE, DEFAULT_TEMPLATE_PLACES, describePresets, presetTemplates } from '../install/templates.js';
import { messages } from '../messages.js';
import { packageRoot } from '../package-root.js';
import { parseArgs, withUsageErrors } from './options.js';

export const spec = defineCommand({
  name: 'init',
  summary: 'set up husky hooks, a config and PR templates here',
  options: {
    preset: { type: 'string', value: '<name>', description: 'the policy to extend (default: gitflow when a develop branch exists, else github-flow; --preset alone lists them)' },
    'dry-run': { type: 'boolean', default: false, description: 'print every file and command, change nothing' },
    yes: { type: 'boolean', short: 'y', default: false, description: 'answer every question (never asked without a terminal)' },
    'no-install': { type: 'boolean', default: false, description: 'do not run the package manager; print the command instead' },
    force: { type: 'boolean', default: false, description: 'replace existing PR templates (and the CI workflow) with the preset\'s' },
    ci: { type: 'string', value: 'github|gitlab', description: 'also write .github/workflows/mcflow.yml, or print a .gitlab-ci.yml job' },
  },
});

export const command: Command = async (args, io) => {
  // `--preset` with no value lists the presets; parseArgs would call that a missing value.
  const presetIndex = args.indexOf('--preset');
  if (presetIndex >= 0 && (args[presetIndex + 1] === undefined || args[presetIndex + 1]!.startsWith('-'))) {
    io.stdout.write(`${messages.install.presetList}\n`);
    const presets = describePresets();
    const width = Math.max(...presets.map((p) => p.name.length));
    for (const { name, description } of presets) io.stdout.write(`  ${name.padEnd(width)}  ${description}\n`);
    io.stdout.write(`\n${messages.install.presetDefaultRule}\n`);
    return ExitCode.ok;
  }
  const { values } = withUsageErrors('init', args, () =>
    parseArgs({ args, strict: true, options: spec.options }),
  );
  const project = locateProject(io.cwd, io.env);
  const chosen = values.preset === undefined ? choosePreset(project.repo.root) : undefined;
  const preset = values.preset ?? chosen!.preset;
  if (!builtInPresetNames().includes(preset)) throw new UsageError(messages.install.unknownPreset(preset, builtInPresetNames()), messages.install.unknownPresetFix);

  const ci = values.ci;
  if (ci !== undefined && !(CI_PROVIDERS as readonly string[]).includes(ci)) {
    throw new UsageError(messages.install.unknownCi(ci, CI_PROVIDERS), messages.install.unknownCiFix);
  }
  if (chosen) io.stdout.write(`${messages.install.presetChosen(preset, chosen.reason)}\n`);
  const plan = planInit(io, { preset, install: !values['no-install'], force: values.force, ci: ci as CiProvider | undefined });
  const { actions, root } = plan;
  const dryRunOptions = { dryRun: values['dry-run'], nothingToDo: messages.install.nothingToDo, dryRunHeader: messages.install.dryRunHeader };
  if (!presentPlan(io.stdout, plan, dryRunOptions)) return ExitCode.ok;
  if (!values.yes && isInteractive(io)) {
    io.stdout.write(`${messages.install.planHeader}\n`);
    for (const action of actions) io.stdout.write(`  ${describeAction(action, root)}\n`);
    if (!(await confirm(io))) {
      io.stdout.write(`${messages.install.cancelled}\n`);
      return ExitCode.ok;
    }
  }
  await applyActions(actions, root, io.stdout, io.env);
  io.stdout.write(`\n${messages.install.done(preset)}\n`);
  return ExitCode.ok;
};

interface InitOptions {
  preset: string;
  install: boolean;
  force: boolean;
  /** Also write (GitHub) or print (GitLab) the CI job that runs `mcflow-hooks verify`. */
  ci?: CiProvider;
}

/** CI installs from the lockfile as it is: the frozen form of each package manager's install. */
export const CI_INSTALL: Record<string, string> = {
  npm: 'npm ci',
  pnpm: 'pnpm install --frozen-lockfile',
  yarn: 'yarn install --frozen-lockfile',
  'yarn-berry': 'yarn install --immutable',
  bun: 'bun install --frozen-lockfile',
};

/**
 * The CI job's install runs no lifecycle scripts: a pull request edits its own `prepare` or
 * `postinstall`, and they would run before verify in the same job (able to replace the installed
 * mcflow-hooks or write $GITHUB_ENV). verify needs none of them. pnpm also runs the repository's
 * `.pnpmfile.cjs` hooks while it installs.
 */
const CI_NO_SCRIPTS: Record<string, string> = { npm: '--ignore-scripts', pnpm: '--ignore-scripts --ignore-pnpmfile', yarn: '--ignore-scripts', 'yarn-berry': '--mode=skip-build', bun: '--ignore-scripts' };

/** Every change init would make, in the order it makes them, and what it leaves alone. */
export function planInit(io: Pick<Io, 'cwd' | 'env'>, options: InitOptions): { actions: Action[]; notes: string[]; root: string } {
  const project = locateProject(io.cwd, io.env);
  const { repo, packageDir, layout } = project;
  const pkg = readPackageJson(project.packageJsonFile);
  assertHooksPathFree(repo.root, layout);

  const actions: Action[] = [];
  const notes: string[] = [];
  const own = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };

  // 1. package.json: our two devDependencies (an existing entry of any kind is kept) and `prepare`.
  const before = formatPackageJson(pkg);
  for (const [name, range] of [['mcflow-hooks', `^${__MCFLOW_VERSION__}`], ['husky', huskyRange(own)]] as const) {
    const existing = pkg.data.devDependencies?.[name] ?? pkg.data.dependencies?.[name];
    if (existing !== undefined) notes.push(messages.install.keptDependency(name, existing));
    else setEntry(pkg.data, 'devDependencies', name, range);
  }
  const prepare = mergePrepare(pkg.data.scripts?.prepare, layout.prepare);
  if (prepare !== undefined) setEntry(pkg.data, 'scripts', 'prepare', prepare);
  const after = formatPackageJson(pkg);
  const dependenciesChanged = after !== before;
  if (dependenciesChanged) actions.push({ kind: 'write', file: project.packageJsonFile, content: after, created: false });

  // 2. Install, so the hooks find `mcflow-hooks` in node_modules/.bin.
  const pm = detectPackageManager(packageDir, repo.root, pkg.data.packageManager, io.env);
  if (dependenciesChanged || !findInstalled('mcflow-hooks', packageDir) || !findInstalled('husky', packageDir)) {
    // Checked now, before anything is written: a half-done init is worse than none.
    if (options.install && !isOnPath(pm.bin, io.env)) throw new UsageError(messages.install.packageManagerMissing(pm.bin, pm.reason), messages.install.packageManagerMissingFix(pm.bin));
    if (options.install) actions.push({ kind: 'run', command: pm.install, cwd: packageDir, why: `install the devDependencies (${pm.name}, from ${pm.reason})` });
    else notes.push(messages.install.installSkipped(pm.install.join(' ')));
  }

  // 3. Hook files: ours first in each, the user's lines kept (lint-staged and commitlint lines we
  //    run already are replaced), and every hook git ran from .git/hooks chained so it keeps running.
  const hooksDir = path.join(repo.root, layout.hooksDir);
  for (const hook of planHookFiles(repo.root, hooksDir, layout.packageDir, notes)) {
    const { file, existing, lines, name } = hook;
    const merged = mergeHook(name, existing, lines);
    const executable = existing !== undefined && (fs.statSync(file).mode & 0o111) !== 0;
    if (merged !== undefined || !executable) {
      actions.push({ kind: 'write', file, content: merged ?? existing!, mode: 0o755, created: existing === undefined });
    }
    const before = existing === undefined ? [] : replacedLines(existing);
    for (const line of merged === undefined ? [] : replacedLines(merged)) {
      if (!before.includes(line)) notes.push(messages.install.replacedLine(path.relative(repo.root, file), line));
    }
  }

  // 4. husky itself sets core.hooksPath and writes its `_/` directory.
  const hooksPath = readConfigValue(repo, 'core.hooksPath');
  // The main worktree's copy when it has one (init run in a linked worktree), else this tree's, which husky is about to write.
  const mainHooks = `${mainWorktreeRoot(repo.root)}/${layout.hooksDir}/_`;
  const absoluteHooksPath = fs.existsSync(path.join(mainHooks, 'h')) ? mainHooks : `${repo.root}/${layout.hooksDir}/_`;
  // Another hook tool may have rewritten or deleted husky's files in `_/`: husky writes them again.
  const huskyFilesIntact = [...shippedHooks().keys()].every((name) => isHuskyHookFile(path.join(hooksDir, '_', name)));
  const runHusky = (hooksPath !== `${layout.hooksDir}/_` && hooksPath !== absoluteHooksPath) || !fs.existsSync(path.join(hooksDir, '_', 'h')) || !huskyFilesIntact;
  if (runHusky) {
    actions.push({
      kind: 'run',
      command: [process.execPath, huskyBin(packageDir), layout.hooksDir],
      display: `husky ${layout.hooksDir}`,
      cwd: repo.root,
      why: `set core.hooksPath to ${layout.hooksDir}/_`,
      // HUSKY=0 means "no hooks in this shell"; running init is asking for them to be set up.
      unsetEnv: ['HUSKY'],
      failOnOutput: (output) => new UsageError(messages.install.huskyFailed(output), messages.install.huskyFailedFix),
    });
  }
  // husky writes a relative hooks path, which git resolves in each worktree, where `.husky/_` is
  // git-ignored and missing: hooks would silently not run in a linked worktree. The absolute path
  // of the main worktree's copy works in all of them.
  if (runHusky || hooksPath !== absoluteHooksPath) {
    actions.push({ kind: 'run', command: ['git', 'config', 'core.hooksPath', absoluteHooksPath], cwd: repo.root, why: messages.install.absoluteHooksPathWhy });
  }

  // 5. The config, unless the project has one (anywhere from the package up to the root).
  const existingConfig = locateConfigFile(packageDir, repo.root);
  if (existingConfig) notes.push(messages.install.keptConfig(path.relative(repo.root, existingConfig)));
  else {
    const { content, notes: adaptedNotes } = initConfigContent(repo.root, options.preset, pkg.indent, options.force);
    notes.push(...adaptedNotes.map((note) => messages.install.adaptedConfig(CONFIG_FILE, note)));
    actions.push({ kind: 'write', file: path.join(packageDir, CONFIG_FILE), content, created: true });
  }

  // 6. Pull-request templates, at the git root where GitHub and GitLab look for them.
  const userDefault = DEFAULT_TEMPLATE_PLACES.find((place) => fs.existsSync(path.join(repo.root, place)));
  for (const template of presetTemplates(options.preset)) {
    const file = path.join(repo.root, template.target);
    const isDefault = template.target === '.github/pull_request_template.md';
    const existing = isDefault ? userDefault : fs.existsSync(file) ? template.target : undefined;
    if (existing !== undefined) {
      const same = fs.existsSync(path.join(repo.root, existing)) && fs.readFileSync(path.join(repo.root, existing), 'utf8') === template.content;
      if (same) continue;
      if (!options.force || existing !== template.target) {
        notes.push(messages.install.keptTemplate(existing));
        continue;
      }
    }
    actions.push({ kind: 'write', file, content: template.content, created: existing === undefined });
  }
  // 7. The CI job that re-runs the checks where --no-verify cannot skip them. GitHub's workflow
  //    is a file of its own; a GitLab job is printed, because .gitlab-ci.yml is the user's to edit.
  if (options.ci) {
    const presetFile = path.join(packageRoot(), 'presets', `${options.preset}.json`);
    const presetConfig = JSON.parse(fs.readFileSync(presetFile, 'utf8')) as { branches?: { protected?: string[] } };
    const ci = renderCiTemplate(options.ci, { branches: presetConfig.branches?.protected, install: `${CI_INSTALL[pm.name] ?? 'npm ci'} ${CI_NO_SCRIPTS[pm.name] ?? '--ignore-scripts'}`, packageDir: layout.packageDir });
    if (!ci.target) notes.push(messages.install.ciPrinted(ci.content));
    else {
      const file = path.join(repo.root, ci.target);
      const exists = fs.existsSync(file);
      if (exists && fs.readFileSync(file, 'utf8') !== ci.content && !options.force) notes.push(messages.install.keptTemplate(ci.target));
      else if (!exists || options.force) actions.push({ kind: 'write', file, content: ci.content, created: !exists });
    }
  }
  return { actions, notes, root: repo.root };
}

/** The main worktree's top level: the same as `root` except in a linked worktree. */
export function mainWorktreeRoot(root: string): string {
  const common = commonGitDir(root);
  return path.basename(common) === '.git' ? path.dirname(common) : root;
}

/** Questions only on a terminal: `--yes`, pipes, CI and scripts never see a prompt. */
function isInteractive(io: Io): boolean {
  return (io.stdin as NodeJS.ReadStream).isTTY === true && io.stdout.isTTY === true && !io.env.CI;
}

async function confirm(io: Io): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: io.stdin, output: io.stdout as NodeJS.WriteStream });
  try {
    const answer = (await rl.question(messages.install.confirm)).trim().toLowerCase();
    return answer === '' || answer === 'y' || answer === 'yes';
  } finally {
    rl.close();
  }
}
