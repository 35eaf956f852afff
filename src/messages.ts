/**
 * Every user-facing sentence lives here, so wording stays consistent and reviewable in one
 * place. Each failure says what is wrong, why it matters, and the exact command that fixes it.
 */
import path from 'node:path';
import type { ValidationProblem } from './config/validate.js';
import type { Stage } from './types.js';

/** Where the pull (GitHub) or merge (GitLab) request lives: its fixes use that host's CLI and words. */
type Host = 'github' | 'gitlab' | 'local';

function relativeTo(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') ? file : relative;
}

const CLI = 'npx mcflow-hooks';

/**
 * Quotes a path or name for a POSIX shell when it needs it: `my file.txt` → `'my file.txt'`, so a
 * printed command can be pasted. The one shell quoting of the package (messages, checks, hook files).
 * In a printed command a name with a line break or another control character becomes `$'a\nb'`
 * (bash, zsh, ksh; POSIX 2024): the command stays on one line, which no name can break into lines
 * of its own. In a script file (`inScript`: a hook line run by `sh`) plain single quotes hold a
 * line break in every POSIX shell, where `$'…'` is not understood by every `sh` (older dash).
 */
export function shellQuote(value: string, options: { inScript?: boolean } = {}): string {
  if (/^[\w@%+=:,./-]+$/.test(value)) return value;
  if (!options.inScript && /[\u0000-\u001f\u007f]/.test(value)) {
    const escaped = value.replace(/[\\']/g, (ch) => `\\${ch}`).replace(/[\u0000-\u001f\u007f]/g, (ch) => CONTROL_ESCAPES[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
    return `$'${escaped}'`;
  }
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const CONTROL_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The .gitignore line that ignores exactly this path: anchored, with glob characters escaped. */
export function gitignoreLine(file: string): string {
  return `/${file.replace(/[\\*?[\]!#]/g, (ch) => `\\${ch}`).replace(/ $/, '\\ ')}`;
}

/**
 * The line of git's stderr that says what went wrong: its `fatal:` or `error:` line, not the
 * `hint:` and `warning:` lines git may print first (an 8-line advice before "fatal: unable to
 * read <object>" showed only its first hint line).
 */
export function gitReason(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.find((line) => /^(fatal|error):/i.test(line)) ?? lines.find((line) => !/^(hint|warning):/i.test(line)) ?? lines[0] ?? '';
}

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
  commitlintPackagesMissing: (file: string, packages: readonly string[]) =>
    `The commitlint config ${file} needs ${packages.length === 1 ? 'a package that is' : 'packages that are'} not installed: ${packages.join(', ')}`,
  commitlintPackagesMissingFix: (manager: string, packages: readonly string[]) =>
    `install ${packages.length === 1 ? 'it' : 'them'}: ${{ npm: 'npm install --save-dev', pnpm: 'pnpm add -D', yarn: 'yarn add -D', 'yarn-berry': 'yarn add -D', bun: 'bun add -d' }[manager] ?? 'npm install --save-dev'} ${packages.join(' ')}   (or remove ${packages.length === 1 ? 'it' : 'them'} from the commitlint config's "extends")`,
  extendsCycle: (chain: string[]) => `"extends" forms a cycle:\n    ${chain.join('\n    → ')}`,
  extendsCycleFix: 'remove one of the "extends" entries above so that no preset extends itself',
  regexUnsupported: (what: string) =>
    `it uses ${what}, which the linear-time regex engine (RE2) does not support: names and messages a pull request controls could make a backtracking engine run for hours; rewrite the pattern without it, or use a glob`,
  regexRefused: (pattern: string, reason: string) =>
    `The pattern ${pattern} in the config cannot run on the linear-time regex engine (RE2): ${reason}`,
  regexRefusedFix: `rewrite the pattern without backreferences, lookaround or possessive quantifiers (or use a glob), then check it with: ${CLI} config`,

  // ── git and repository state ─────────────────────────────────────────────
  notARepository: (cwd: string) => `${cwd} is not inside a git repository`,
  notARepositoryFix: 'run this inside a repository, or create one first: git init',
  gitMissing: 'git was not found on PATH',
  gitMissingFix: 'install git (https://git-scm.com/downloads) and make sure `git --version` works in this shell',
  gitFailed: (args: readonly string[], stderr: string) => {
    const reason = gitReason(stderr);
    return `git ${args.join(' ')} failed${reason ? `: ${reason}` : ''}`;
  },
  gitFailedFix: 'run the git command above yourself to see the full error, fix it, then try again',
  /** For a git that failed on an object the clone does not have (a partial, shallow-fetched or damaged clone). */
  gitObjectsMissingFix: 'this clone lacks objects git needs to read the commits (a partial or damaged clone): list them with `git fsck --connectivity-only`, then fetch them with `git fetch --refetch origin` (git ≥ 2.36) or clone again',

  // ── baselines ────────────────────────────────────────────────────────────
  baseline: {
    description:
      'Findings mcflow-hooks already knew when this baseline was written: audit --baseline and verify --baseline report only findings not listed here. Identities are hashes; no secret and no message is stored.',
    unreadable: (file: string, reason: string) => `Cannot read the baseline ${file}: ${reason}`,
    invalid: (file: string, reason: string) => `The baseline ${file} is not a mcflow-hooks baseline: ${reason}`,
    unreadableFix: `write one first: ${CLI} audit --write-baseline <file>   (or fix the path)`,
    unwritable: (file: string, reason: string) => `Cannot write the baseline ${file}: ${reason}`,
    unwritableFix: 'pick a path in a directory that exists and that you can write to',
    written: (count: number, file: string) =>
      `Wrote ${count} known ${count === 1 ? 'finding' : 'findings'} to ${file}. Commit it, then report only what is new: ${CLI} audit --baseline ${shellQuote(file)}`,
    hidden: (count: number, file: string) => `${count} known ${count === 1 ? 'finding' : 'findings'} in the baseline ${file} not shown`,
  },

  // ── CLI usage ────────────────────────────────────────────────────────────
  help: {
    title: 'mcflow-hooks — the same git policy on every laptop and in CI',
    environment: [
      ['MCFLOW_SKIP=check-a,check-b', 'skip named checks locally (verify ignores it: CI runs them all)'],
      ['MCFLOW_ALLOW_PUSH=main,release/*', 'let this push update these protected branches (release automation)'],
      ['HUSKY=0', 'skip every hook'],
      ['NO_COLOR=1', 'plain output'],
      ['FORCE_COLOR=0|1|2|3', 'colour off (0) or on at that depth, also when not on a terminal (CI logs)'],
      ['MCFLOW_DEBUG=1', 'print the stack trace of an internal error'],
    ] as const,
    footer: [
      'Exit codes: 0 ok, 1 policy violation, 2 bad usage/config/repository, 3 internal error.',
      'Docs: the README of the installed package (node_modules/mcflow-hooks/README.md).',
    ],
  },
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
  lintStagedFailed:
    '✖ Your own lint-staged tasks failed (above): the policy checks passed, your formatters or linters refused the commit [lint-staged]\n' +
    '  → fix what they report and commit again, or skip only your tasks: MCFLOW_SKIP=lint-staged git commit',
  stagedGenerated: (dir: string, count: number) => {
    const what = dir.endsWith('node_modules') ? 'installed dependencies' : dir.endsWith('vendor') ? 'vendored dependencies' : 'build output';
    return `⚠ ${count} new ${count === 1 ? 'file' : 'files'} staged under ${dir}/ (${what}, normally rebuilt, not committed)\n  → unstage and ignore it: git rm -r --cached --quiet -- ${dir} && echo /${dir}/ >> .gitignore   (meant to be committed? go on)`;
  },
  skipped: (ids: string[]) => `skipped by MCFLOW_SKIP: ${ids.join(', ')} (CI will still run them)`,
  internalError: (detail: string) =>
    `mcflow-hooks failed unexpectedly: ${detail}\nThis is a bug in mcflow-hooks; please report it with the command you ran.`,

  // ── init, doctor, uninstall, pr ─────────────────────────────────────────
  install: {
    packageJsonMissing: (file: string, reason: string) => `Cannot read ${file} (${reason}): init adds mcflow-hooks and husky to it`,
    packageJsonMissingFix: 'run init in the package directory (where package.json is), or create one first: npm init -y',
    packageJsonParse: (file: string, detail: string) => `${file} is not valid JSON (${detail}); nothing was changed`,
    packageJsonParseFix: (file: string) => `fix the JSON in ${file} (npm would fail on it too), then run: ${CLI} init`,
    outsideRepository: (dir: string, root: string) => `The package directory ${dir} is outside the git work tree ${root}`,
    hooksPathForeign: (value: string, origin: string) =>
      `core.hooksPath is already set to "${value}" (${origin}): git runs only the hooks there, so husky's hooks would never run. Nothing was changed`,
    hooksPathForeignFix: (scope: string) =>
      `if that hooks directory is not needed here, unset it: git config ${scope}--unset core.hooksPath   then run init again; otherwise call mcflow-hooks from the hooks there (mcflow-hooks run <hook>)`,
    hookPathNotFile: (shown: string, kind: string, expected: 'file' | 'directory') =>
      `${shown} is a ${kind}, where git runs ${expected === 'file' ? 'a hook file' : 'the hook files from a directory'}: init cannot write its hook${expected === 'file' ? '' : 's'} there. Nothing was changed`,
    hookPathNotFileFix: (shown: string) => `move it out of the way: mv ${shellQuote(shown)} ${shellQuote(`${shown}.bak`)}   then run init again (and put back what you need from it)`,
    unknownPreset: (name: string, known: string[]) => `Unknown preset "${name}". Presets: ${known.join(', ')}`,
    unknownPresetFix: `list them with: ${CLI} init --preset`,
    presetList: 'Presets (use one with: npx mcflow-hooks init --preset <name>):',
    dryRunHeader: 'Dry run: nothing is changed. init would:',
    planHeader: 'init will:',
    confirm: 'Go ahead? [Y/n] ',
    cancelled: 'Nothing was changed.',
    nothingToDo: 'Already set up: nothing to change.',
    keptConfig: (file: string) => `kept your config ${file} (not changed; it decides the policy)`,
    unknownCi: (name: string, known: readonly string[]) => `Unknown CI "${name}" for --ci. Choices: ${known.join(', ')}`,
    unknownCiFix: 'run: npx mcflow-hooks init --ci github   (writes .github/workflows/mcflow.yml), or --ci gitlab (prints a job)',
    ciPrinted: (content: string) =>
      `Add this job to your .gitlab-ci.yml (init does not edit that file), so merge requests run the same checks:\n\n${content}`,
    keptTemplate: (file: string) => `kept your ${file} (use --force to replace it with the preset's)`,
    keptDependency: (name: string, range: string) => `kept ${name}@${range} in package.json`,
    installSkipped: (command: string) => `skipped installing (--no-install); run it yourself: ${command}`,
    commandFailed: (command: string, output: string) => `${command} failed:\n    ${output.trim().split('\n').slice(-8).join('\n    ')}`,
    commandFailedFix: (command: string) => `fix the problem above, then run: ${command}   and ${CLI} init again (it completes what is missing)`,
    huskyFailed: (detail: string) => `husky could not set up the hooks: ${detail}`,
    huskyFailedFix: `run ${CLI} doctor to see what is missing`,
    done: (preset: string) =>
      `Done: every commit and push now runs the "${preset}" policy.\n` +
      `  check the set-up:     ${CLI} doctor\n` +
      `  in an emergency:      git commit --no-verify   or   MCFLOW_SKIP=<check-id> git commit\n` +
      `  why that is not a way around the policy: CI runs the same checks (mcflow-hooks verify) on every pull request, where --no-verify does not apply.\n` +
      `  undo all of this:     ${CLI} uninstall`,
    uninstallDone: (lockCommand: string) => `Removed. Update the lockfile with: ${lockCommand}`,
    uninstallNothing: 'Nothing of mcflow-hooks found to remove.',
    keptChangedFile: (file: string) => `kept ${file}: it is not what init writes (your own file, or edited since)`,
    uninstallDryRunHeader: 'Dry run: nothing is changed. uninstall would:',
    presetDefaultRule: 'Without --preset, init picks gitflow when a develop (or main-production) branch exists, locally or on origin, and github-flow otherwise.',
    presetChosen: (preset: string, reason: string) =>
      `Preset "${preset}": ${reason}. Another one: ${CLI} init --preset <name> (list: ${CLI} init --preset)`,
    packageManagerMissing: (bin: string, reason: string) =>
      `${bin} is not on PATH (this project uses it: ${reason}), so init could not install the hooks. Nothing was changed`,
    packageManagerMissingFix: (bin: string) =>
      bin === 'npm' ? 'install Node.js with npm, then run init again' : `enable it with Node's corepack: corepack enable   (or install ${bin}), then run init again`,
    absoluteHooksPathWhy: 'an absolute hooks path, so hooks run in every worktree of the repository',
    replacedLine: (file: string, line: string) =>
      `replaced "${line}" in ${file}: mcflow-hooks runs it itself, after the policy checks, so it runs once (uninstall puts the line back)`,
    chainedLfs: (hook: string, file: string) => `git-lfs's ${hook} hook: its line is added to ${file}, as git lfs install would (LFS objects keep being handled)`,
    chainedHook: (kind: string, legacy: string, file: string) =>
      `${kind} hook ${legacy}: chained from ${file}, so it keeps running (core.hooksPath makes git ignore .git/hooks)`,
    oldHuskyHook: (file: string) => `${file} is an old husky (v4) hook: it stops running; husky 9's .husky/ files replace it`,
    adaptedConfig: (file: string, what: string) => `${file}: ${what}`,
    adaptedDefaultBranch: (branch: string) => `default branch "${branch}" is the protected production branch in the config`,
    adaptedTemplateSections: (headings: string[]) => `pull-request body: the sections your template has (${headings.join(', ') || 'none'})`,
  },
  doctor: {
    initFix: `${CLI} init`,
    git: (version: string | undefined) => (version ? `git ${version}` : 'git not found'),
    node: (version: string) => `Node ${version} (needs 20.17 or later)`,
    nodeFix: 'install Node 20.17+ (nvm install 20); for GUI clients see the README on ~/.config/husky/init.sh',
    repository: (root: string, packageDir: string) => `repository ${root}${packageDir ? ` (package ${packageDir})` : ''}`,
    hooksPath: (value: string | undefined, expected: string, ok: boolean) =>
      `core.hooksPath = ${value ?? '(unset)'}${ok ? '' : ` (expected ${expected}, with husky's runner h in it)`}`,
    worktreeFix: (tree: string, install: string, absolute: string) =>
      `this is a linked worktree: install here (cd ${tree} && ${install}), or point every worktree at the main one's hooks: git config core.hooksPath ${absolute}`,
    legacyChained: (file: string, kind: string) => `${file} (${kind}) is chained from our hook files and keeps running`,
    legacyNeverRuns: (file: string, kind: string, hooksPath: string) =>
      `${file} (${kind}) never runs: git runs hooks from ${hooksPath} only`,
    husky: (installed: boolean, runner: string, hasRunner: boolean) =>
      !installed ? 'husky is not installed' : hasRunner ? `husky installed, ${runner} present` : `husky installed, but ${runner} is missing`,
    installed: (version: string | undefined, running: string) =>
      version ? `mcflow-hooks ${version} installed in node_modules (this is ${running})` : 'mcflow-hooks is not installed in node_modules: the hooks cannot find it',
    hookMissing: (file: string) => `${file} is missing`,
    hookNotExecutable: (file: string) => `${file} is not executable`,
    hookNotExecutableFix: (file: string) => `chmod +x ${file}`,
    hookNotCalling: (file: string) => `${file} does not call mcflow-hooks`,
    hookOutdated: (file: string) => `${file} calls mcflow-hooks the way an older version did`,
    hookOk: (file: string) => `${file} calls mcflow-hooks`,
    runnerReplaced: (runner: string, file: string, exists: boolean) =>
      `${runner} ${exists ? 'is not husky\'s (another hook tool, such as simple-git-hooks, wrote it)' : 'is missing (another hook tool, such as simple-git-hooks, removed it)'}: git never runs ${file}`,
    config: (file: string | undefined, from: string) =>
      file ? `config ${file} is valid (${from})` : `no config file: the default preset applies (${from})`,
    /** How the hooks get the configs (the resolved-config cache, src/config/cache.ts). */
    configCache: (what: string, state: 'hit' | 'stored' | 'preset' | 'none' | 'slow' | 'unserialisable', reason?: string) =>
      state === 'preset'
        ? `${what}: only extends @commitlint/config-conventional, the hooks use the bundled copy (no loading)`
        : state === 'none'
          ? `${what}: nothing to resolve`
          : state === 'hit' || state === 'stored'
            ? `${what}: resolved once, then read from the hooks' config cache`
            : `${what}: cannot be cached, loaded on every commit: ${reason ?? 'unknown reason'} (plain data in the config makes it cacheable)`,
    ok: (text: string) => `✓ ${text}`,
    bad: (text: string, fix: string) => `✗ ${text}\n    → ${fix}`,
    allGood: 'Everything is in place.',
    problems: (count: number) => `${count} ${count === 1 ? 'problem' : 'problems'} found: fix ${count === 1 ? 'it' : 'them'} as shown above.`,
  },
  pr: {
    noBase: (candidates: string[]) => `Cannot find the branch this pull request goes into (looked for ${candidates.join(', ')})`,
    noBaseFix: 'name it: npx mcflow-hooks pr --base develop   (fetch it first if it is only on the remote: git fetch origin)',
    openUrl: (url: string) => `Open the pull request: ${url}`,
    noUrl: '(no GitHub or GitLab "origin" remote: no compare URL)',
    detached: 'HEAD is detached: a pull request needs a branch',
    detachedFix: 'switch to your branch first: git switch <branch>',
  },

  // ── audit ────────────────────────────────────────────────────────────────
  audit: {
    sections: {
      history: 'Sensitive content in history',
      'direct-commits': 'Direct commits on protected branches',
      branches: 'Branch health',
      tags: 'Tags',
      commits: 'Commit messages on protected branches',
      signatures: 'Signed commits',
    },
    stillPresent: (branches: readonly string[]) => `; still present on ${branches.join(', ')}`,
    removed: (was: readonly string[], rotate: boolean) =>
      `; was on ${was.join(', ')}, removed from ${was.length === 1 ? 'it' : 'all of them'}${rotate ? ' — rotate it anyway, history keeps it' : ', but history keeps it'}`,
    onNoBranch: (rotate: boolean) =>
      `; on no live branch now (only tags or old history reach it)${rotate ? ' — rotate it anyway, history keeps it' : ', but history keeps it'}`,
    verdict: (errors: number, warnings: number, failing: readonly string[]) =>
      errors > 0
        ? `✖ Audit failed: ${errors} ${errors === 1 ? 'error' : 'errors'} in ${failing.join(', ')}${warnings > 0 ? `, and ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}`
        : warnings > 0
          ? `✔ Audit passed with ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`
          : '✔ Audit passed: nothing to report',
    aheadBehindLimit: (limit: number) => `ahead/behind counted for the ${limit} most recently updated branches only`,
    shallow: 'This is a shallow clone: its history stops early, and an audit of it would pass what it never read',
    shallowFix: 'fetch the whole history first: git fetch --unshallow   (in GitHub Actions: actions/checkout with "fetch-depth: 0")',
    noRefs: (globs: readonly string[]) => `--refs ${globs.join(', ')} matches no branch or tag here`,
    noRefsFix: 'list what there is with: git for-each-ref --format="%(refname:short)" refs/heads refs/remotes refs/tags',
    badSince: (value: string) => `--since "${value}" is neither a commit, branch or tag here, nor a date`,
    badSinceFix: 'give a date (--since 2026-01-31, --since "90 days ago") or a ref (--since v2.0.0); fetch it first if it is only on the remote: git fetch origin',
    scope: (refs: number, commits: number, since: string | undefined, protectedBranches: readonly string[]) =>
      `${refs} ${refs === 1 ? 'ref' : 'refs'}, ${commits} ${commits === 1 ? 'commit' : 'commits'} scanned${since ? ` since ${since}` : ''}; protected: ${protectedBranches.length > 0 ? protectedBranches.join(', ') : 'none found'}`,
    nothing: 'nothing found',
    progress: (phase: string, done: number, total: number) =>
      total > 0 ? `audit: ${phase} ${done}/${total}` : done > 0 ? `audit: ${phase}, ${done} commits read` : `audit: ${phase}…`,
    written: (file: string) => `Audit report written to ${file}`,
    unwritable: (file: string, reason: string) => `Cannot write the report to ${file}: ${reason}`,
    unwritableFix: 'choose a path in an existing, writable directory: --output reports/audit.md',
  },

  // ── checks ───────────────────────────────────────────────────────────────
  commitMessage: {
    why: 'release notes and the next version number are computed from Conventional Commit types, and reviewers scan history by them',
    empty: 'The commit message is empty (or only comments): git records no commit without a message',
    noType: 'type may not be empty: the header needs the form "<type>(<scope>): <subject>"',
    problem: (what: string, rule: string, example: string | undefined) =>
      `${what} (${rule})` + (example ? `; for example: "${example}"` : ''),
    /** How to rewrite the message: the hook's message file survives a refused commit. */
    fix: (stage: Stage, commit: string | undefined, repo?: { root: string; gitDir?: string; amending?: boolean; operation?: string }) => {
      if (stage === 'commit-msg') {
        // Quoted: a linked worktree's git dir lies outside the root, in a path that may hold spaces.
        const file = repo?.gitDir ? shellQuote(relativeTo(repo.root, `${repo.gitDir}/COMMIT_EDITMSG`)) : '.git/COMMIT_EDITMSG';
        // After a refused amend (or a reword in rebase -i, which amends), a plain commit answers "nothing to commit".
        const again = `git commit${repo?.amending ? ' --amend' : ''} --edit --file=${file}`;
        if (repo?.operation === 'rebase') return `edit the message and commit again: ${again}   then go on with: git rebase --continue`;
        return `edit the message and commit again: ${again}`;
      }
      // A protected branch's history is shared: rewording it would rewrite everyone's base.
      if (stage === 'audit') return `leave published history as it is; make sure every clone runs the commit-msg hook (${CLI} doctor) and CI runs ${CLI} verify`;
      if (commit) return `reword it: git rebase --interactive ${commit.slice(0, 12)}~1   (mark the commit "reword")`;
      return 'reword it: git commit --amend';
    },
  },

  protectedBranch: {
    why: 'protected branches change only through reviewed pull requests with passing CI; a direct commit or push skips both, and a force push or deletion rewrites what everyone else builds on',
    commitOn: (branch: string) => `You are committing directly on the protected branch "${branch}"`,
    mergeOn: (branch: string) => `You are merging into the protected branch "${branch}" locally: it changes only through pull requests`,
    mergeFix: (branch: string) => `undo the merge (git merge --abort), then open a pull request into ${branch} from the branch you were merging`,
    commitFix: 'move the work to a new branch (your staged changes come along), then commit again: git switch -c feature/<name>',
    push: (kind: 'update' | 'force' | 'delete', branch: string, remote: string) =>
      ({
        update: `This push updates the protected branch "${branch}" on ${remote} directly`,
        force: `This push force-updates the protected branch "${branch}" on ${remote}: its published history would be rewritten`,
        delete: `This push deletes the protected branch "${branch}" from ${remote}`,
      })[kind],
    pushFix: (kind: 'update' | 'force' | 'delete', branch: string, remote: string) =>
      ({
        update: `push a feature branch and open a pull request into ${branch}: git switch -c feature/<name> && git push -u ${remote} feature/<name>`,
        force: `never rewrite ${branch}: put your commits on a feature branch (git switch -c feature/<name>), rebase it on ${remote}/${branch} (git fetch ${remote} && git rebase ${remote}/${branch}) and open a pull request`,
        delete: `protected branches are never deleted; to delete another branch, name it: git push ${remote} --delete <branch>`,
      })[kind],
    allowedByEnv: (branch: string, remote: string, value: string) =>
      `This push updates the protected branch "${branch}" on ${remote}, allowed by MCFLOW_ALLOW_PUSH=${value} (release automation)`,
    allowedByEnvFix: 'nothing to do if this is the release job; anyone else: unset MCFLOW_ALLOW_PUSH and open a pull request',
    forcePush: (branch: string, remote: string) =>
      `This push force-updates "${branch}" on ${remote}: commits others may have fetched are replaced`,
    forcePushFix: (branch: string) =>
      `if others share ${branch}, prefer git push --force-with-lease, and tell them to run: git pull --rebase`,
  },

  branchName: {
    why: 'branch names decide which CI pipeline runs and where it deploys, and tell reviewers what a branch is for at a glance',
    invalid: (name: string, rule: string, detail: string) => `Branch "${name}" does not follow the naming rules (${rule}: ${detail})`,
    /** The rename for the branch that is checked out (pre-commit, post-checkout). */
    renameCurrent: (suggestion: string | undefined, patterns: readonly string[]) =>
      suggestion
        ? `rename it: git branch -m ${suggestion}`
        : `rename it to a name matching ${patterns.length > 0 ? patterns.join(', ') : 'the rules above'}: git branch -m <new-name>`,
    /** The fix for a push: rename the local branch and push it, or push under a valid remote name. */
    renamePushed: (
      local: string | undefined,
      name: string,
      suggestion: string | undefined,
      remote: string,
      onRemote: boolean,
    ) => {
      const target = suggestion ?? '<new-name>';
      const cleanup = onRemote ? ` && git push ${remote} --delete ${name}` : '';
      if (local === name) return `rename it and push the new name: git branch -m ${name} ${target} && git push -u ${remote} ${target}${cleanup}`;
      return `push it under a valid name: git push ${remote} ${local ?? 'HEAD'}:refs/heads/${target}${cleanup}`;
    },
  },

  tagName: {
    why: 'tags are versions: deployments, changelogs and package managers read them as SemVer, and a published version must never change or disappear',
    invalid: (tag: string, extra: readonly string[]) =>
      `Tag "${tag}" is not a version tag vMAJOR.MINOR.PATCH[-prerelease][+build] (e.g. v2.1.0, v2.2.0-beta.1)` +
      (extra.length > 0 ? ` and matches none of ${extra.join(', ')}` : ''),
    invalidFix: (tag: string, suggestion: string | undefined, peeled: string, remote: string) =>
      `retag it: git tag ${suggestion ?? 'v<MAJOR.MINOR.PATCH>'} ${peeled} && git tag -d ${tag} && git push ${remote} ${suggestion ?? 'v<MAJOR.MINOR.PATCH>'}`,
    deleted: (tag: string, remote: string) => `This push deletes the release tag "${tag}" from ${remote}`,
    moved: (tag: string, remote: string) => `This push moves the version tag "${tag}" on ${remote} to another commit`,
    publishNext: (next: string, tag: string, remote: string) =>
      `a published version never changes or disappears: release a new one (git tag ${next} && git push ${remote} ${next}); restore your local tag with: git fetch --force ${remote} tag ${tag}`,
    notOnProduction: (tag: string, production: readonly string[]) =>
      `Release tag "${tag}" points at a commit that no production branch (${production.join(', ')}) contains`,
    notOnProductionFix: (tag: string) =>
      `merge the release into production through a pull request and tag the merge commit there, or make it a pre-release: git tag -d ${tag} && git tag ${tag}-rc.1`,
    unknownReachability: (tag: string, production: readonly string[]) =>
      `Could not check that release tag "${tag}" is on a production branch (${production.join(', ')}): this clone has none of them, or too little history`,
    unknownReachabilityFix: (remote: string) =>
      `fetch them, then push again: git fetch ${remote}   (in a shallow clone: git fetch --unshallow ${remote})`,
  },

  secrets: {
    why: 'a pushed secret must be rotated, and history keeps it even after the file is fixed',
    found: (description: string, rule: string, masked: string) => `Possible ${description} (${rule}): ${masked}`,
    inTestFixture: ' (in a test fixture path: if it is a made-up sample, allow it; if it is real, it is leaked all the same)',
    fix: (stage: Stage, file: string, commit: string | undefined, fingerprint: string) => {
      const notASecret = `not a secret? put "mcflow-allow-secret: <reason>" on the line above, or add { "fingerprint": "${fingerprint}", "reason": "…" } to secrets.allow`;
      if (stage === 'pre-commit') return `remove it from the file and stage it again: git add -- ${shellQuote(file)}   (${notASecret})`;
      const where = commit ? `git rebase --interactive ${commit.slice(0, 12)}~1   (mark the commit "edit", remove the secret)` : 'rewrite the commits that add it';
      return `rotate the credential, then take it out of history: ${where}   (${notASecret})`;
    },
    moreInFile: (count: number) => `…and ${count} more possible secret${count === 1 ? '' : 's'} in this file (not listed one by one)`,
    fixMany: (stage: Stage, file: string, commit: string | undefined) =>
      stage === 'pre-commit'
        ? `this file is full of credentials: unstage it and keep it out of git: git rm --cached -- ${shellQuote(file)}`
        : `this file is full of credentials: rotate them, then take the file out of history${commit ? `: git rebase --interactive ${commit.slice(0, 12)}~1` : ''}`,
    moreInRun: (count: number) => `…and ${count} more possible secret${count === 1 ? '' : 's'} (not listed one by one: fix the ones above, then run again)`,
    foundInText: (where: 'message' | 'title' | 'body', description: string, rule: string, masked: string, line: number) =>
      `Possible ${description} (${rule}) in ${{ message: 'the commit message', title: 'the pull request title', body: 'the pull request description' }[where]}${where === 'title' ? '' : ` (line ${line})`}: ${masked}`,
    textFix: (stage: Stage, where: 'message' | 'title' | 'body', commit: string | undefined, number: number | undefined, fingerprint: string) => {
      const notASecret = `not a secret? add { "fingerprint": "${fingerprint}", "reason": "…" } to secrets.allow`;
      if (where === 'title') return `rotate the credential, then edit the title: gh pr edit ${number ?? '<number>'} --title "<type>(<scope>): <summary>"   (${notASecret})`;
      if (where === 'body') return `rotate the credential (the pull request keeps its edit history), then edit the description: gh pr edit ${number ?? '<number>'} --body-file <file>   (${notASecret})`;
      if (stage === 'commit-msg') return `take it out of the message and commit again: git commit --edit --file="$(git rev-parse --git-path COMMIT_EDITMSG)"   (${notASecret})`;
      const where_ = commit ? `git rebase --interactive ${commit.slice(0, 12)}~1   (mark the commit "reword")` : 'reword the commits that carry it (git rebase --interactive)';
      return `rotate the credential, then take it out of the message: ${where_}   (${notASecret})`;
    },
    oldAllowEntry: (fingerprint: string, reason: string) =>
      `secrets.allow entry ${fingerprint} ("${reason}") is an old-style fingerprint: it allows nothing any more, because a fast hash like it, public in the config, can give a password back`,
    oldAllowReplace: (fingerprint: string, reason: string, where: string) =>
      `replace it with { "fingerprint": "${fingerprint}", "reason": ${JSON.stringify(reason)} }   (the finding at ${where}); if the value is a real credential, rotate it`,
    oldAllowRegenerate:
      `remove it; if the value is still in the change, the finding prints its new fp2-… fingerprint (find it with: ${CLI} verify --base <commit>~1 --head <commit>); if it was a real credential, rotate it`,
  },
  sensitiveFiles: {
    why: 'these files exist to hold credentials: committing one publishes all of them at once, and history keeps them',
    found: (file: string, what: string) => `${JSON.stringify(file)} is ${what} and must not be committed`,
    configured: 'listed in files.sensitive',
    fix: (stage: Stage, file: string, commit: string | undefined) => {
      const untrack = `git rm --cached -- ${shellQuote(file)} && echo ${shellQuote(gitignoreLine(file))} >> .gitignore`;
      if (stage === 'pre-commit') return `unstage it and ignore it: ${untrack}   (a look-alike meant to be shared? add it to files.allowSensitive)`;
      const where = commit ? `git rebase --interactive ${commit.slice(0, 12)}~1   (mark the commit "edit")` : 'rewrite the commits that add it';
      return `rotate what it holds, then ${untrack} and take it out of history: ${where}`;
    },
  },
  largeFiles: {
    why: 'every clone downloads every version of a large file forever, and history cannot shed it without a rewrite',
    found: (file: string, size: string, limit: string) => `${JSON.stringify(file)} is ${size}, over the ${limit} limit (files.maxSize)`,
    fix: (stage: Stage, file: string, commit: string | undefined) => {
      const lfs = `git lfs track ${shellQuote(gitignoreLine(file).slice(1))} && git add .gitattributes ${shellQuote(file)}`;
      if (stage === 'pre-commit') return `unstage it: git rm --cached -- ${shellQuote(file)}; or store it with Git LFS: ${lfs}`;
      const where = commit ? `git rebase --interactive ${commit.slice(0, 12)}~1` : 'an interactive rebase';
      return `take it out of history (${where}), or move it to Git LFS: git lfs migrate import --include=${shellQuote(gitignoreLine(file).slice(1))}`;
    },
  },

  // ── verify (CI) ──────────────────────────────────────────────────────────
  verify: {
    noRange: 'verify does not know which commits to check: no --base was given and no GitHub Actions or GitLab CI environment was found',
    noRangeFix: `name the range: ${CLI} verify --base origin/develop   (or --staged to check the index as pre-commit would)`,
    unknownEvent: (what: string) => `verify checks pull requests and pushes; the ${what} names no range of commits`,
    payloadUnreadable: (file: string, reason: string) => `Cannot read the GitHub event payload ${file}: ${reason}`,
    payloadFix: 'run verify from a GitHub Actions step (it sets GITHUB_EVENT_PATH), or pass the range yourself: --base <ref> --head <ref>',
    shallowMissing: (revision: string, which: 'base' | 'head') =>
      `The ${which} of the range (${revision}) is not in this shallow clone, so the commits to check cannot be listed; checking fewer commits would pass what it never saw`,
    shallowNewBranch:
      'This is a new branch in a shallow clone: without full history verify cannot tell which commits the branch brings; checking fewer commits would pass what it never saw',
    shallowFix:
      'fetch full history: in GitHub Actions use actions/checkout with "fetch-depth: 0"; in GitLab set GIT_DEPTH: 0; elsewhere run: git fetch --deepen=1000 (or git fetch --unshallow)',
    revisionMissing: (revision: string, which: 'base' | 'head') => `The ${which} of the range (${revision}) is not in this repository`,
    notACommit: (revision: string, which: 'base' | 'head', type: string) =>
      `The ${which} of the range (${revision}) names a ${type}, not a commit: a range is made of commits, so there is nothing verify could check`,
    notACommitFix: (revision: string) =>
      `pass a commit, a branch or a tag that points at one (git cat-file -t ${shellQuote(revision)} says what it names); a tag that points at a file or a directory has no place in a release`,
    fetchFix: (revision: string) => `fetch it first: git fetch origin ${revision}   (or fix the ref passed to --base/--head)`,
    stagedWithRange: '--staged checks the index; it cannot be combined with --base or --head',
    skipIgnored: (ids: string[]) => `MCFLOW_SKIP=${ids.join(',')} is set but ignored: verify enforces every check in CI`,
    emptyRange: 'No commits to check in this range.',
    header: (count: number, range: string) => `mcflow-hooks verify: ${count} ${count === 1 ? 'commit' : 'commits'} (${range})`,
    unusedAllow: (fingerprint: string, reason: string) =>
      `secrets.allow entry ${fingerprint} ("${reason}") matches no secret in what verify checked`,
    unusedAllowFix: (file: string) => `remove the entry from "secrets.allow" in ${file} if the secret is gone for good`,
    outputUnwritable: (file: string, reason: string) => `Cannot write the report to ${file}: ${reason}`,
    outputFix: 'pick a path in a directory that exists and is writable, e.g. --output mcflow.sarif',
  },

  // ── pull request checks ──────────────────────────────────────────────────
  mergeDirection: {
    why: 'each long-lived branch receives changes from a known place only, so releases contain exactly what was reviewed and tested on the way',
    refused: (source: string, target: string, allowed: string[]) =>
      `${source} may not merge into ${target}` +
      (allowed.length > 0 ? `; ${source} merges into ${allowed.join(' or ')}` : `; no branch accepts merges from ${source}`),
    route: (path: string[]) => ` (route: ${path.join(' → ')})`,
    fromFork: (fork: string, source: string, target: string, production: boolean) =>
      `${source} comes from ${fork}, not from this repository: a fork's branch name is its author's choice, so it ` +
      (production ? `cannot be a release or hotfix branch, and ${target} (a production branch) takes changes only from this repository's branches` : `cannot stand for this repository's ${source}`),
    forkFix: (source: string, fork: string) =>
      `a maintainer brings the branch into this repository and opens the pull request from there: git fetch <url of ${fork}> ${source} && git push origin FETCH_HEAD:refs/heads/<release-or-hotfix-branch>   (a work branch from a fork may target a non-production branch its routes allow)`,
    fix: (number: number | undefined, target: string | undefined, host?: Host) =>
      !target
        ? `open the change from a branch that may merge here (see the merge routes in the README's "CI" section)`
        : host === 'gitlab'
          ? `retarget the merge request: glab mr update ${number ?? '<iid>'} --target-branch ${target}   (or "Edit" on the merge request in GitLab)`
          : `retarget the pull request: gh pr edit ${number ?? '<number>'} --base ${target}   (or "Edit" next to the title on GitHub)`,
  },
  prTitle: {
    why: 'with squash merges the pull request title becomes the commit message on the target branch',
    problem: (what: string, rule: string, example: string | undefined, host?: Host) =>
      `${host === 'gitlab' ? 'Merge request' : 'Pull request'} title: ${what} (${rule})` + (example ? `; for example: "${example}"` : ''),
    fix: (number: number | undefined, host?: Host) =>
      host === 'gitlab'
        ? `edit the title: glab mr update ${number ?? '<iid>'} --title "<type>(<scope>): <summary>"`
        : `edit the title: gh pr edit ${number ?? '<number>'} --title "<type>(<scope>): <summary>"`,
  },
  prBody: {
    why: 'the pull request template is the team\'s checklist: reviewers rely on every section being there and every required box ticked',
    missingSection: (section: string) => `The pull request description has no "${section}" section`,
    emptySection: (section: string) => `The "${section}" section of the pull request description is empty`,
    unticked: (label: string) => `The required checkbox "${label}" is not ticked in the pull request description`,
    missingCheckbox: (label: string) => `The required checkbox "${label}" is missing from the pull request description`,
    fix: (number: number | undefined, host?: Host) =>
      host === 'gitlab'
        ? `edit the description so it has every section of the template (npx mcflow-hooks pr writes one): glab mr update ${number ?? '<iid>'} --description "$(cat <file>)"`
        : `edit the description so it has every section of the template (npx mcflow-hooks pr writes one): gh pr edit ${number ?? '<number>'} --body-file <file>`,
  },
  directCommits: {
    why: 'protected branches change through reviewed pull requests only; a direct commit skipped review and CI',
    problem: (branch: string, subject: string) => `Commit "${subject}" reached ${branch} without a pull request`,
    fix: (branch: string) =>
      `revert it on ${branch} through a pull request (git revert <sha>), and turn on branch protection so pushes without a PR are refused`,
  },
  branchHealth: {
    why: 'stale and merged branches hide the work that matters, and a branch far behind its base meets its conflicts all at once at merge time',
    stale: (branch: string, days: number, date: string) => `Branch "${branch}" has had no commit for ${days} days (last ${date.slice(0, 10)})`,
    staleFix: (branch: string, remote: boolean) =>
      `finish it (merge or close its pull request), or delete it: ${remote ? `git push origin --delete ${shellQuote(branch)}` : `git branch -D ${shellQuote(branch)}`}   (audit.staleAfterDays sets the limit)`,
    merged: (branch: string, into: string) => `Branch "${branch}" is merged into ${into} but was not deleted`,
    mergedFix: (branch: string, remote: boolean) =>
      `delete it: ${remote ? `git push origin --delete ${shellQuote(branch)}` : `git branch -d ${shellQuote(branch)}`}`,
  },
  signedCommits: {
    why: 'a signature proves who made a commit; on a protected branch an unsigned one could come from anyone with push access',
    states: {
      N: 'has no signature',
      B: 'has a bad signature (the commit was changed after signing)',
      U: 'is signed with a key of unknown validity',
      X: 'has a signature that has expired',
      Y: 'is signed with a key that has expired',
      R: 'is signed with a revoked key',
      E: 'has a signature that cannot be checked here (the public key is missing)',
    } as Record<string, string>,
    otherState: (state: string) => `has signature state "${state}"`,
    problem: (branch: string, subject: string, state: string) => `Commit "${subject}" on ${branch} ${state}`,
    fix: (commit: string, state: string) =>
      state === 'E'
        ? 'import the signer\'s public key (gpg --import <key>, or gpg.ssh.allowedSignersFile for SSH keys), then audit again'
        : `sign it again through a pull request: git rebase --exec 'git commit --amend --no-edit -S' ${commit.slice(0, 12)}~1   (set up signing: git config commit.gpgsign true)`,
  },

  // ── policy: where it comes from, who may change it ───────────────────────
  policy: {
    lockedWeakened: (file: string, weakenings: readonly { key: string; change: string }[]) =>
      `The config ${file} weakens ${weakenings.length === 1 ? 'a key' : 'keys'} that a preset it extends locks (policy.locked):\n` +
      weakenings.map((w) => `    ${w.key}: ${w.change}`).join('\n'),
    lockedFix: (file: string) =>
      `undo the change in ${file}: a locked key may be made stricter, never looser (ask the preset's owners to change the preset itself), then run: ${CLI} config`,
    lockedUnknown: (entries: readonly string[]) =>
      `policy.locked names ${entries.map((e) => JSON.stringify(e)).join(', ')}, which ${entries.length === 1 ? 'is' : 'are'} neither a config key ("secrets.ignore", "branches.protected") nor a check id ("secrets")`,
    symlinkAtCommit: (file: string, commit: string) =>
      `The config ${file} at ${commit.slice(0, 12)} is a symbolic link or not a regular file; verify reads the policy from the commit and follows no links`,
    symlinkFix: 'commit the config as a regular file',
    source: {
      base: (file: string, where: string) => `policy: ${file} at ${where}`,
      baseDefault: (where: string) => `policy: the "gitflow" preset (no config file at ${where})`,
      explicit: (file: string) => `policy: ${file} (--config)`,
      workTree: (file: string | undefined) => `policy: ${file ?? 'the "gitflow" preset (no config file)'} in the work tree`,
      newPolicy: (file: string | undefined) =>
        `policy: ${file ?? 'the "gitflow" preset'} from this change (the target has no mcflow-hooks policy yet)`,
      accepted: (file: string, label: string) => `this pull request's ${file} applies (reviewed: "${label}" label)`,
      newBranch: (file: string | undefined) =>
        `policy: ${file ?? 'the "gitflow" preset'} from the pushed commit (a new branch: no commit before the push to read it from)`,
    },
  },
  configAtCommit: {
    localImport: (file: string, commit: string) =>
      `verify loads the target branch's config on its own, away from the checkout (whose files are the change's), with the local files it imports read from ${commit.slice(0, 12)}: ${file} is not there`,
    localImportFix: (file: string) =>
      `on the target branch, commit the file ${file} imports, or move what it imports into the config itself or an installed package (a shared preset in devDependencies)`,
  },
  commitlintBase: {
    unwritable: (where: string, dir: string, reason: string) =>
      `verify cannot load the target branch's commitlint config ${where}: it needs a temporary directory in ${dir} (${reason})`,
    unwritableFix: 'make the node_modules directory of the checkout writable (or set "commits.useCommitlintConfig": false)',
    localImport: (file: string, commit: string) =>
      `verify loads the target branch's commitlint config on its own, away from the checkout (whose files are the change's), with the local files it imports read from ${commit.slice(0, 12)}: ${file} is not there`,
    localImportFix: (file: string) =>
      `move what ${file} imports from the repository into the file itself or into an installed package (a shared config in devDependencies), on the target branch`,
  },
  policyChange: {
    why: 'in CI the policy comes from the target branch, so a pull request cannot loosen the rules that judge it; a change to those rules is reviewed on purpose, not merged along with what it would let in',
    weakened: (key: string, change: string) => `This change weakens the policy: ${key} ${change}`,
    locked: (key: string, change: string) => `This change weakens ${key}, which a preset locks (policy.locked): ${change}`,
    markerAdded: 'This change adds an inline "mcflow-allow-secret" marker: a secret on this line or the next is no longer reported',
    codeConfig: (file: string, added: boolean) =>
      `This change ${added ? 'adds' : 'edits'} the config ${file}: it is code, so verify does not run it from a pull request; the target branch's policy applies until it is merged`,
    baseline: (file: string, added: boolean) =>
      `This change ${added ? 'adds' : 'edits'} the baseline ${file}, whose findings verify does not report: the target branch's version applies until it is merged`,
    commitlintConfig: (change: { file: string; kind: 'added' | 'edited' | 'removed' | 'replaced'; previous?: string }) => {
      const name = (file: string) => (file === 'package.json' ? 'the commitlint config in package.json ("commitlint")' : `the commitlint config ${file}`);
      const what = {
        added: `adds ${name(change.file)}`,
        edited: `edits ${name(change.file)}`,
        removed: `removes ${name(change.file)}`,
        replaced: `makes ${name(change.file)} win over ${change.previous ? name(change.previous) : 'the target branch\'s'}`,
      }[change.kind];
      const target = change.previous ? `the target branch's ${change.previous === 'package.json' ? 'package.json "commitlint" key' : change.previous}` : 'the "@commitlint/config-conventional" preset (with commits.rules)';
      const notRun = change.kind === 'removed' ? '' : ` verify does not run the change's version (a commitlint config can run code):`;
      return `This change ${what}, which decides what a valid commit message is:${notRun} ${target} ${change.kind === 'removed' ? 'still lints' : 'lints'} the commits until it is merged`;
    },
    newPolicy: (file: string | undefined) =>
      `The target branch has no mcflow-hooks policy yet: ${file ? `this change's config ${file}` : 'the "gitflow" preset'} applies`,
    newPolicyCode: (file: string) =>
      `The target branch has no mcflow-hooks policy yet and this change's config ${file} is code, which verify does not run from a pull request: the "gitflow" preset applies until it is merged`,
    accepted: (label: string) => ` (accepted: the pull request has the "${label}" label)`,
    fix: (label: string | undefined, number: number | undefined) =>
      label
        ? `undo it, or have it reviewed and accepted: gh pr edit ${number ?? '<number>'} --add-label ${shellQuote(label)}   (GitLab: add the label to the merge request)`
        : 'undo it, or merge the policy change on its own after review; to accept reviewed changes in a pull request, set "policy.reviewedLabel" in the target branch\'s config',
    lockedFix: 'undo it: a locked key may be made stricter, never looser; the preset that locks it must change first',
    headBroken: (reason: string) => `This change's config cannot be resolved, so what it would change in the policy is unknown:\n    ${reason.split('\n').join('\n    ')}`,
    headBrokenFix: `fix the config in this change (check it with: ${CLI} config), or install the preset it names`,
    newPolicyFix: 'nothing to do: once this is merged, pull requests are judged by the policy on their target branch',
  },

  // ── report ───────────────────────────────────────────────────────────────
  summary: (errors: number, warnings: number) =>
    `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
  /** Printed by our line in a .husky file when the CLI is not installed (src/install/hook-files.ts). */
  hookToolMissing: (hook: string) => {
    const install = 'install the dependencies (npm install, pnpm install or yarn install)';
    if (hook === 'post-checkout') return `mcflow-hooks is not installed here, so commits will be refused: ${install}`;
    const bypass = hook === 'pre-push' ? 'git push --no-verify' : hook === 'pre-merge-commit' ? 'git merge --no-verify' : 'git commit --no-verify';
    return `mcflow-hooks is not installed here, so the ${hook} checks cannot run: ${install}; in an emergency: ${bypass}`;
  },
  bypassHint: 'In an emergency: git commit --no-verify (CI re-runs these checks on the pull request).',
  bypassHintPush: 'In an emergency: git push --no-verify (CI re-runs these checks on the pull request).',
} as const;
