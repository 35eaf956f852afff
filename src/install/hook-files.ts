/**
 * The lines init puts into `.husky/*` files, and how they merge with a user's own hook. Each of
 * our lines carries a marker comment, so uninstall removes exactly our lines and an upgrade
 * replaces an old line instead of adding a second one.
 *
 * Adopting a repository that already has hooks (as pre-commit's "migration mode" and lefthook
 * do it): our line goes first, so the policy refuses a commit before the user's formatters touch
 * it; a user's line that runs lint-staged or commitlint, which our hook runs already, is taken
 * out (and given back by uninstall); hooks git ran before init from `.git/hooks` (git-lfs,
 * hand-written ones) are chained from our files, since `core.hooksPath` stops git running them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { messages, shellQuote } from '../messages.js';
import { packageRoot } from '../package-root.js';

export const HOOK_MARKER = '# mcflow-hooks';
/** A user's line init took out because our hook does the same; uninstall puts it back. */
export const REPLACED_MARKER = '# mcflow-hooks replaced: ';
/** Variable that holds pre-push's stdin when more than one command of the hook must read it. */
const PUSH_INPUT = 'mcflow_refs';

/** The hook files shipped in `hooks/`, by hook name: one line each that calls the CLI. */
export function shippedHooks(): Map<string, string> {
  const dir = path.join(packageRoot(), 'hooks');
  const hooks = new Map<string, string>();
  for (const name of fs.readdirSync(dir).sort()) {
    const line = fs.readFileSync(path.join(dir, name), 'utf8').split('\n').find((l) => l.trim() !== '' && !l.startsWith('#'));
    if (line) hooks.set(name, line.trim());
  }
  return hooks;
}

/**
 * Our line for one hook. It runs in a subshell so nothing it sets leaks into the user's lines.
 * - With the package below the git root (a monorepo), git runs hooks from the root, so the line
 *   changes into the package first, as husky's docs show.
 * - husky puts only `node_modules/.bin` (relative) on PATH. In a linked worktree, which has no
 *   node_modules until someone installs there, and in a workspace that hoists bins to the root,
 *   the CLI is found in the main worktree's (or the root's) node_modules instead. `command -v`
 *   is a shell builtin: the usual case costs no extra process.
 */
export function hookLine(shipped: string, packageDir: string, options: { pushInput?: boolean } = {}): string {
  const call = options.pushInput ? `printf '%s\\n' "$${PUSH_INPUT}" | ${shipped}` : shipped;
  const guard = notInstalled(shipped);
  const main = '$(git rev-parse --git-common-dir)/..';
  // A submodule's (or a `--separate-git-dir`) common dir is not beside its work tree; its
  // `core.worktree` names it, which git answers for with that dir as GIT_DIR (else the cwd).
  const configured = '$(git --git-dir="$(git rev-parse --git-common-dir)" rev-parse --show-toplevel 2>/dev/null)';
  if (packageDir === '') {
    return `(command -v mcflow-hooks >/dev/null || PATH="$PATH:${main}/node_modules/.bin:${configured}/node_modules/.bin"; ${guard}; ${call}) ${HOOK_MARKER}`;
  }
  const pkg = shellQuote(packageDir, { inScript: true });
  // The package directory in double quotes: the shell expands nothing in a path made of [\w@%+=:,./-].
  const inQuotes = pkg.startsWith("'") ? `"${pkg}"` : pkg;
  const fallback = `PATH="$PATH:$OLDPWD/node_modules/.bin:${main}/${inQuotes}/node_modules/.bin:${main}/node_modules/.bin:${configured}/${inQuotes}/node_modules/.bin:${configured}/node_modules/.bin"`;
  return `(cd ${pkg} && { command -v mcflow-hooks >/dev/null || ${fallback}; } && { ${guard}; } && ${call}) ${HOOK_MARKER}`;
}

/**
 * The CLI can be missing where the hooks are not: node_modules removed (`git clean -fdx`, a
 * reinstall), a worktree nobody installed in. A hook that guards (git skips it for --no-verify)
 * stops with the fix instead of the shell's "not found"; prepare-commit-msg, which --no-verify
 * does not skip, steps aside so an emergency commit still goes through; post-checkout, which
 * stops nothing, says what is wrong and lets the checkout finish.
 */
function notInstalled(shipped: string): string {
  const hook = /\brun ([a-z-]+)/.exec(shipped)?.[1] ?? '';
  const test = 'command -v mcflow-hooks >/dev/null ||';
  if (hook === 'prepare-commit-msg') return `${test} exit 0`;
  const say = `echo ${shellQuote(messages.hookToolMissing(hook))} >&2`;
  return `${test} { ${say}; exit ${hook === 'post-checkout' ? 0 : 1}; }`;
}

/** pre-push reads the refs being pushed on stdin: read once, handed to each command that needs it. */
export function pushInputLine(): string {
  return `${PUSH_INPUT}=$(cat) ${HOOK_MARKER}`;
}

/**
 * A hook that lived in `.git/hooks` before init, chained so it keeps running (`core.hooksPath`
 * makes git ignore that directory). The file is the user's local one, not in the repository:
 * a clone without it skips the line.
 */
export function chainLine(hook: string, options: { pushInput?: boolean } = {}): string {
  const run = options.pushInput ? `printf '%s\\n' "$${PUSH_INPUT}" | "$g" "$@"` : `"$g" "$@"`;
  return `g="$(git rev-parse --git-common-dir)/hooks/${hook}"; [ ! -x "$g" ] || ${run} ${HOOK_MARKER}`;
}

/** The hooks `git lfs install` writes, and the line it puts in each (as it would in husky's files). */
export const LFS_HOOKS = ['post-checkout', 'post-commit', 'post-merge', 'pre-push'] as const;
export function lfsLine(hook: string, options: { pushInput?: boolean } = {}): string {
  const guard = `command -v git-lfs >/dev/null 2>&1 || { echo >&2 "This repository uses Git LFS but git-lfs is not on PATH: install it, or remove .husky/${hook}"; exit 2; }`;
  const run = options.pushInput ? `printf '%s\\n' "$${PUSH_INPUT}" | git lfs ${hook} "$@"` : `git lfs ${hook} "$@"`;
  return `${guard}; ${run} ${HOOK_MARKER}`;
}

export function isOurLine(line: string): boolean {
  return line.trimEnd().endsWith(HOOK_MARKER);
}

/**
 * A user's line that runs what our hook runs already: lint-staged (the pre-commit hook runs the
 * project's lint-staged after the checks) or `commitlint --edit` (the commit-msg check loads the
 * project's commitlint config). Only the plain forms: a line with options of its own stays.
 */
export function isReplaceableLine(hook: string, line: string): boolean {
  const runner = String.raw`(?:(?:npx|bunx|pnpm(?:\s+exec|\s+dlx)?|yarn(?:\s+run)?|npm\s+exec|bun\s+x|bun\s+run)\s+(?:(?:--no-install|--no|--yes|--)\s+)*)?`;
  const text = line.trim();
  if (hook === 'pre-commit') return new RegExp(`^${runner}lint-staged$`).test(text);
  if (hook === 'commit-msg') return new RegExp(String.raw`^${runner}commitlint\s+--edit(?:\s+("?)\$\{?1\}?\1)?$`).test(text);
  return false;
}

/** The leading lines that must stay first: a shebang, comments, blank lines, husky 8's `husky.sh` line. */
function headerLength(lines: string[]): number {
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!.trim();
    if (line === '' || (line.startsWith('#') && !isOurLine(line) && !line.startsWith(REPLACED_MARKER)) || /husky\.sh"?\s*$/.test(line)) index++;
    else break;
  }
  return index;
}

/**
 * The hook file with our lines in it exactly once, first after the header; a user's line we
 * replace is kept as a marked comment. Returns undefined when nothing changes. Line endings
 * become LF: `sh` reads a CR as part of the command.
 */
export function mergeHook(hook: string, existing: string | undefined, ours: string[]): string | undefined {
  if (existing === undefined) return `${ours.join('\n')}\n`;
  const lf = existing.replace(/\r\n/g, '\n');
  const lines = (lf.endsWith('\n') ? lf.slice(0, -1) : lf).split('\n');
  const user = lines
    .filter((line) => !isOurLine(line))
    .map((line) => (isReplaceableLine(hook, line) ? `${REPLACED_MARKER}${line}` : line));
  const header = headerLength(user);
  const merged = [...user.slice(0, header), ...ours, ...user.slice(header)].join('\n') + '\n';
  return merged === existing ? undefined : merged;
}

/** The user's lines init replaced (what uninstall gives back). */
export function replacedLines(text: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(REPLACED_MARKER)).map((line) => line.slice(REPLACED_MARKER.length));
}

/** The hook file without our lines, the user's replaced lines restored; undefined when nothing but blank lines would be left. */
export function removeOurLines(existing: string): string | undefined {
  const kept = existing
    .split('\n')
    .filter((l) => !isOurLine(l))
    .map((line) => (line.startsWith(REPLACED_MARKER) ? line.slice(REPLACED_MARKER.length) : line));
  const text = kept.join('\n');
  return text.trim() === '' ? undefined : text;
}
