/**
 * Every user-facing sentence lives here, so wording stays consistent and reviewable in one
 * place. Each failure says what is wrong, why it matters, and the exact command that fixes it.
 */
import path from 'node:path';
import type { ValidationProblem } from './config/validate.js';
import type { Stage } from './types.js';

function relativeTo(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') ? file : relative;
}

const CLI = 'npx mcflow-hooks';

export const messages = {
  // ── config ────────────────────────────────────────────────────────────────
  configFix: `fix the file, then check it with: ${CLI} config`,
  configCheckFix: `correct the keys above (the README's "Configuration" section lists them), then run: ${CLI} config`,
  configUnreadable: (file: string, reason: string) => `Cannot read the config file ${file}: ${reason}`,
  configUnsupportedType: (file: string) =>
    `The config file ${file} has a type mcflow-hooks cannot load (use .json, .yaml, .yml, .js, .cjs, .mjs or .ts)`,
  configParse: (file: string, detail: string) => `The config file ${file} could not be parsed:\n    ${detail}`,
  configNotObject: (file: string) => `The config in ${file} must be an object (a JSON/YAML mapping, or a module exporting one)`,
  configInvalid: (file: string, problems: ValidationProblem[]) =>
    `The config in ${file} is invalid (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n` +
    problems.map((p) => `    ${p.path}: ${p.message}`).join('\n'),
  presetNotFound: (specifier: string, places: string[], referrer: string | undefined) =>
    `The preset "${specifier}" in "extends"${referrer ? ` of ${referrer}` : ''} could not be found. Looked in:\n` +
    places.map((p) => `    - ${p}`).join('\n'),
  presetInstallFix: (specifier: string) => `install it: npm install --save-dev ${specifier}   (or fix the name in "extends")`,
  presetPathFix: (fromDir: string) => `fix the path in "extends": relative paths start from ${fromDir}`,
  extendsCycle: (chain: string[]) => `"extends" forms a cycle:\n    ${chain.join('\n    → ')}`,
  extendsCycleFix: 'remove one of the "extends" entries above so that no preset extends itself',

  // ── git and repository state ─────────────────────────────────────────────
  notARepository: (cwd: string) => `${cwd} is not inside a git repository`,
  notARepositoryFix: 'run this inside a repository, or create one first: git init',
  gitMissing: 'git was not found on PATH',
  gitMissingFix: 'install git (https://git-scm.com/downloads) and make sure `git --version` works in this shell',
  gitFailed: (args: readonly string[], stderr: string) =>
    `git ${args.join(' ')} failed${stderr ? `: ${stderr.trim().split('\n')[0]}` : ''}`,
  gitFailedFix: 'run the git command above yourself to see the full error, fix it, then try again',

  // ── CLI usage ────────────────────────────────────────────────────────────
  usageFix: `see: ${CLI} --help`,
  unknownCommand: (name: string, known: readonly string[]) => `Unknown command "${name}". Commands: ${known.join(', ')}`,
  unknownFlag: (flag: string, command: string) => `Unknown option "${flag}" for "${command}"`,
  missingFlagValue: (flag: string) => `The option "${flag}" needs a value`,
  unknownHook: (name: string, known: readonly string[]) => `"${name}" is not a hook mcflow-hooks runs. Hooks: ${known.join(', ')}`,
  unknownFormat: (name: string, known: readonly string[]) => `Unknown format "${name}". Formats: ${known.join(', ')}`,
  missingMessageFile: 'The commit-msg hook needs the path of the message file (git passes it as $1)',
  missingMessageFileFix: 'call it as git does: mcflow-hooks run commit-msg "$1"   (in .husky/commit-msg)',
  messageFileUnreadable: (file: string, reason: string) => `Cannot read the commit message file ${file}: ${reason}`,
  messageFileFix: 'run the hook from git (git commit), which writes the file; do not call it by hand with another path',
  malformedPushLine: (lineNumber: number, line: string) =>
    `Line ${lineNumber} of the pre-push input is not "<local ref> <local sha> <remote ref> <remote sha>": ${JSON.stringify(line)}`,
  malformedPushLineFix: 'let git call the hook (git push); when calling it by hand, pass the four fields per line that git would',
  unknownSkip: (names: string[], known: readonly string[]) =>
    `MCFLOW_SKIP names ${names.length === 1 ? 'an unknown check' : 'unknown checks'}: ${names.join(', ')}. Checks: ${known.join(', ')}`,
  unknownSkipFix: 'fix the names in MCFLOW_SKIP (comma-separated check ids), e.g. MCFLOW_SKIP=commit-message git commit',
  skipped: (ids: string[]) => `skipped by MCFLOW_SKIP: ${ids.join(', ')} (CI will still run them)`,
  internalError: (detail: string) =>
    `mcflow-hooks failed unexpectedly: ${detail}\nThis is a bug in mcflow-hooks; please report it with the command you ran.`,

  // ── checks ───────────────────────────────────────────────────────────────
  commitMessage: {
    why: 'release notes and the next version number are computed from Conventional Commit types, and reviewers scan history by them',
    empty: 'The commit message is empty (or only comments): git records no commit without a message',
    problem: (what: string, rule: string, example: string | undefined) =>
      `${what} (${rule})` + (example ? `; for example: "${example}"` : ''),
    /** How to rewrite the message: the hook's message file survives a refused commit. */
    fix: (stage: Stage, commit: string | undefined, gitDir: string | undefined, root: string | undefined) => {
      if (stage === 'commit-msg') {
        const file = gitDir && root ? relativeTo(root, `${gitDir}/COMMIT_EDITMSG`) : '.git/COMMIT_EDITMSG';
        return `edit the message and commit again: git commit --edit --file=${file}`;
      }
      if (commit) return `reword it: git rebase --interactive ${commit.slice(0, 12)}~1   (mark the commit "reword")`;
      return 'reword it: git commit --amend';
    },
  },

  // ── report ───────────────────────────────────────────────────────────────
  summary: (errors: number, warnings: number) =>
    `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
  bypassHint: 'In an emergency: git commit --no-verify (CI re-runs these checks on the pull request).',
} as const;
