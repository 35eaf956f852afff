/**
 * `mcflow-hooks uninstall`: removes exactly what init added and nothing of the user's: our
 * marked lines in hook files (a file is removed only when nothing else is left in it), the
 * `mcflow-hooks` devDependency, and — when no other hook still needs husky — husky, its
 * `prepare` entry and `core.hooksPath`. The config and templates go only if still unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineCommand, type Command } from '../command.js';
import { ExitCode } from '../errors.js';
import { readConfigValue } from '../git/repo.js';
import { initConfigContent } from '../install/adapt-config.js';
import { removeOurLines } from '../install/hook-files.js';
import { isHuskyHooksPath, unmergePrepare } from '../install/husky.js';
import { formatPackageJson, readPackageJson, removeEntry, setEntry } from '../install/package-json.js';
import { detectPackageManager } from '../install/package-manager.js';
import { applyActions, presentPlan, type Action } from '../install/plan.js';
import { locateProject } from '../install/project.js';
import { allShippedTemplates, CONFIG_FILE, configFileContent } from '../install/templates.js';
import { builtInPresetNames } from '../config/presets.js';
import { messages } from '../messages.js';
import { parseArgs, withUsageErrors } from './options.js';

export const spec = defineCommand({
  name: 'uninstall',
  summary: 'remove exactly what init added',
  options: {
    'dry-run': { type: 'boolean', default: false, description: 'print every file and command, change nothing' },
    yes: { type: 'boolean', short: 'y', description: 'answer every question (never asked without a terminal)' },
  },
});

export const command: Command = async (args, io) => {
  const { values } = withUsageErrors('uninstall', args, () => parseArgs({ args, strict: true, options: spec.options }));
  const project = locateProject(io.cwd, io.env);
  const { repo, layout, packageDir } = project;
  const root = repo.root;
  const pkg = readPackageJson(project.packageJsonFile);
  const actions: Action[] = [];
  const notes: string[] = [];

  // Hook files: our lines out; a file that held only our line goes.
  const hooksDir = path.join(root, layout.hooksDir);
  let userHooksLeft = false;
  for (const name of fs.existsSync(hooksDir) ? fs.readdirSync(hooksDir).sort() : []) {
    const file = path.join(hooksDir, name);
    if (name === '_' || !fs.statSync(file).isFile()) continue;
    const text = fs.readFileSync(file, 'utf8');
    const kept = removeOurLines(text);
    if (kept === undefined) actions.push({ kind: 'remove', file });
    else {
      userHooksLeft = true;
      if (kept !== text) actions.push({ kind: 'write', file, content: kept, created: false });
    }
  }

  // package.json: mcflow-hooks always; husky and `prepare` only when no other hook needs them.
  const before = formatPackageJson(pkg);
  removeEntry(pkg.data, 'devDependencies', 'mcflow-hooks');
  if (!userHooksLeft) removeEntry(pkg.data, 'devDependencies', 'husky');
  // What init added to `prepare` is recognisable exactly (`husky || true`, or `<yours> && (husky || true)`):
  // it goes even when the user's own hook files stay, since they ran without it before init.
  const prepare = pkg.data.scripts?.prepare;
  if (prepare !== undefined) {
    const rest = unmergePrepare(prepare, layout.prepare);
    if (rest === undefined) removeEntry(pkg.data, 'scripts', 'prepare');
    else if (rest !== prepare) setEntry(pkg.data, 'scripts', 'prepare', rest);
  }
  const after = formatPackageJson(pkg);
  if (after !== before) actions.push({ kind: 'write', file: project.packageJsonFile, content: after, created: false });

  const hooksPath = readConfigValue(repo, 'core.hooksPath');
  if (userHooksLeft && hooksPath && path.isAbsolute(hooksPath) && isHuskyHooksPath(hooksPath, layout)) {
    // init made husky's relative path absolute (for worktrees); the user's husky set-up gets its own back.
    actions.push({ kind: 'run', command: ['git', 'config', 'core.hooksPath', `${layout.hooksDir}/_`], cwd: root, why: 'the hooks path husky itself writes' });
  }
  if (!userHooksLeft) {
    if (hooksPath && isHuskyHooksPath(hooksPath, layout)) {
      actions.push({ kind: 'run', command: ['git', 'config', '--unset', 'core.hooksPath'], cwd: root, why: 'git runs its own hooks directory again' });
    }
    if (fs.existsSync(path.join(hooksDir, '_'))) actions.push({ kind: 'remove', file: path.join(hooksDir, '_') });
  }

  // Config and templates: only when they are still exactly what init wrote.
  const configFile = path.join(packageDir, CONFIG_FILE);
  if (fs.existsSync(configFile)) {
    const text = fs.readFileSync(configFile, 'utf8');
    const written = (preset: string) => [configFileContent(preset), initConfigContent(root, preset, pkg.indent, false).content, initConfigContent(root, preset, pkg.indent, true).content];
    if (builtInPresetNames().some((preset) => written(preset).includes(text))) actions.push({ kind: 'remove', file: configFile });
    else notes.push(messages.install.keptChangedFile(path.relative(root, configFile)));
  }
  for (const [target, contents] of allShippedTemplates()) {
    const file = path.join(root, target);
    if (!fs.existsSync(file)) continue;
    if (contents.has(fs.readFileSync(file, 'utf8'))) actions.push({ kind: 'remove', file });
    else notes.push(messages.install.keptChangedFile(target));
  }

  const dryRunOptions = { dryRun: values['dry-run'], nothingToDo: messages.install.uninstallNothing, dryRunHeader: messages.install.uninstallDryRunHeader };
  if (!presentPlan(io.stdout, { actions, notes, root }, dryRunOptions)) return ExitCode.ok;
  await applyActions(actions, root, io.stdout, io.env);
  const pm = detectPackageManager(packageDir, root, pkg.data.packageManager, io.env);
  io.stdout.write(`\n${messages.install.uninstallDone(pm.install.join(' '))}\n`);
  return ExitCode.ok;
};
