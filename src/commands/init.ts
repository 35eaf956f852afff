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
import { hookLine, mergeHook, shippedHooks } from '../install/hook-files.js';
import { assertHooksPathFree, huskyBin, mergePrepare } from '../install/husky.js';
import { formatPackageJson, readPackageJson, setEntry } from '../install/package-json.js';
import { detectPackageManager } from '../install/package-manager.js';
import { applyActions, describeAction, presentPlan, type Action } from '../install/plan.js';
import { huskyRange, locateProject } from '../install/project.js';
import { CONFIG_FILE, configFileContent, DEFAULT_TEMPLATE_PLACES, describePresets, presetTemplates } from '../install/templates.js';
import { messages } from '../messages.js';
import { packageRoot } from '../package-root.js';
import { parseArgs, withUsageErrors } from './options.js';

export const spec = defineCommand({
  name: 'init',
  summary: 'set up husky hooks, a config and PR templates here',
  options: {
    preset: { type: 'string', default: 'gitflow', value: '<name>', description: 'the policy to extend (default gitflow; --preset alone lists them)' },
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
    for (const { name, description } of presets) io.stdout.write(`  ${name.padEnd(width)}  ${description}${name === 'gitflow' ? ' (default)' : ''}\n`);
    return ExitCode.ok;
  }
  const { values } = withUsageErrors('init', args, () =>
    parseArgs({ args, strict: true, options: spec.options }),
  );
  const preset = values.preset;
  if (!builtInPresetNames().includes(preset)) throw new UsageError(messages.install.unknownPreset(preset, builtInPresetNames()), messages.install.unknownPresetFix);

  const ci = values.ci;
  if (ci !== undefined && !(CI_PROVIDERS as readonly string[]).includes(ci)) {
    throw new UsageError(messages.install.unknownCi(ci, CI_PROVIDERS), messages.install.unknownCiFix);
  }
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
const CI_INSTALL: Record<string, string> = {
  npm: 'npm ci',
  pnpm: 'pnpm install --frozen-lockfile',
  yarn: 'yarn install --frozen-lockfile',
  'yarn-berry': 'yarn install --immutable',
  bun: 'bun install --frozen-lockfile',
};

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
  if (dependenciesChanged || !isInstalled('mcflow-hooks', packageDir) || !isInstalled('husky', packageDir)) {
    if (options.install) actions.push({ kind: 'run', command: pm.install, cwd: packageDir, why: `install the devDependencies (${pm.name}, from ${pm.reason})` });
    else notes.push(messages.install.installSkipped(pm.install.join(' ')));
  }

  // 3. Hook files: ours added once to each, the user's lines kept.
  const hooksDir = path.join(repo.root, layout.hooksDir);
  for (const [name, shipped] of shippedHooks()) {
    const file = path.join(hooksDir, name);
    const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    const merged = mergeHook(existing, hookLine(shipped, layout.packageDir));
    const executable = existing !== undefined && (fs.statSync(file).mode & 0o111) !== 0;
    if (merged !== undefined || !executable) {
      actions.push({ kind: 'write', file, content: merged ?? existing!, mode: 0o755, created: existing === undefined });
    }
  }

  // 4. husky itself sets core.hooksPath and writes its `_/` directory.
  const hooksPath = readConfigValue(repo, 'core.hooksPath');
  if (hooksPath !== `${layout.hooksDir}/_` || !fs.existsSync(path.join(hooksDir, '_', 'h'))) {
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

  // 5. The config, unless the project has one (anywhere from the package up to the root).
  const existingConfig = locateConfigFile(packageDir, repo.root);
  if (existingConfig) notes.push(messages.install.keptConfig(path.relative(repo.root, existingConfig)));
  else actions.push({ kind: 'write', file: path.join(packageDir, CONFIG_FILE), content: configFileContent(options.preset), created: true });

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
    const ci = renderCiTemplate(options.ci, { branches: presetConfig.branches?.protected, install: CI_INSTALL[pm.name] ?? 'npm ci' });
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

/** True when `name` is in node_modules at or above the package (workspaces hoist to the root). */
function isInstalled(name: string, packageDir: string): boolean {
  for (let dir = packageDir; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'node_modules', name, 'package.json'))) return true;
    if (path.dirname(dir) === dir) return false;
  }
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
