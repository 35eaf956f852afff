/**
 * Builds a Change from the message file git hands the commit-msg hook. Git cleans the message
 * only after the hook runs, following `--cleanup` (git-commit(1)): by default comment lines and
 * everything below the scissors line of `commit -v` are dropped when the message was edited in
 * the editor ("strip"), but kept with `-m`, `-F`, `-C` or `--no-edit` ("whitespace"), so
 * `git commit -m "#123 feat: add login"` records its `#` line. We clean the same way.
 *
 * Whether the editor ran: git tells its commit hooks by setting GIT_EDITOR=":" when it will not
 * launch one (run_commit_hook in git's commit.c). `commit.cleanup` is read from git's config;
 * a `--cleanup` given on the command line is invisible to hooks, except that in the editor git's
 * instructions say whether comment lines "will be ignored" or "will be kept".
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { messages } from '../messages.js';
import { COMMENT_KEYS, configuredCommentString, detectOperation, readConfigEntries, readCurrentBranch, type Repository } from '../git/repo.js';
import { isAmending } from './commit-kind.js';
import type { Change } from '../types.js';

/** The characters git picks from when `core.commentChar` is `auto` (see git-config(1)). */
const AUTO_COMMENT_CHARS = '#;@!$%^&|:';

/** git's `--cleanup` modes, as applied to the message (`default` already resolved). */
export type CleanupMode = 'strip' | 'whitespace' | 'verbatim' | 'scissors';

export function collectCommitMsgChange(repo: Repository, cwd: string, messageFile: string | undefined, env: NodeJS.ProcessEnv = {}): Change {
  if (!messageFile) throw new InputError(messages.missingMessageFile, messages.missingMessageFileFix);
  const file = path.resolve(cwd, messageFile);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new InputError(messages.messageFileUnreadable(messageFile, reason), messages.messageFileFix);
  }
  // Asking git costs a process; a message with no line that could be a comment needs no answer.
  let text = cleanMessage(raw, '#', 'whitespace');
  if (mayHaveComments(raw)) {
    const entries = readConfigEntries(repo, [...COMMENT_KEYS, 'commit.cleanup']);
    const cleanup = entries.filter(([key]) => key === 'commit.cleanup').pop()?.[1];
    const commentChar = resolveCommentChar(configuredCommentString(entries), raw);
    text = cleanMessage(raw, commentChar, resolveCleanupMode(cleanup, editorUsed(env, raw), raw, commentChar));
  }
  return {
    stage: 'commit-msg',
    branch: readCurrentBranch(repo),
    // Git exports the commit's author to its commit hooks: bots are known by it (src/commitlint/bots.ts).
    messages: [{ text, ...(env.GIT_AUTHOR_NAME !== undefined || env.GIT_AUTHOR_EMAIL !== undefined ? { author: { name: env.GIT_AUTHOR_NAME ?? '', email: env.GIT_AUTHOR_EMAIL ?? '' } } : {}) }],
    repo: { root: repo.root, gitDir: repo.gitDir, ...commitState(repo) },
  };
}

/** An amend and a rebase in progress change the command that fixes a refused message. */
function commitState(repo: Repository): { amending?: boolean; operation?: 'rebase' } {
  return { ...(isAmending(repo.gitDir) ? { amending: true } : {}), ...(detectOperation(repo) === 'rebase' ? { operation: 'rebase' as const } : {}) };
}

/**
 * True when some line starts with something git may use for comments: `#`, any `auto` choice,
 * or the punctuation a `core.commentString` is made of (`//`, `;;`). Letters, digits, spaces and
 * list bullets (`-`, `*`, `+`) start no comment anyone configures: such messages need no git process.
 */
export function mayHaveComments(raw: string): boolean {
  return raw.split('\n').some((line) => line.length > 0 && (AUTO_COMMENT_CHARS.includes(line[0]!) || /^[^\p{L}\p{N}\s*+-]/u.test(line)));
}

/**
 * `core.commentChar` as git applies it. For `auto`, git chose a character not used at the start
 * of any line of the template; we recover it from the lines git itself wrote.
 */
export function resolveCommentChar(configured: string | undefined, raw: string): string {
  // git ≥ 2.45 takes the whole string (`//`); older git refuses more than one character, so a
  // commit with one set never gets this far.
  if (configured && configured !== 'auto') return configured;
  if (configured === 'auto') {
    for (const ch of AUTO_COMMENT_CHARS) {
      const escaped = ch.replace(/[$^|]/g, '\\$&');
      if (new RegExp(`^${escaped} (Please enter the commit message|-{24} >8 -{24})`, 'm').test(raw)) return ch;
    }
  }
  return '#';
}

/**
 * True unless git said it will not open an editor. A GIT_EDITOR=":" of the user's own (some CI
 * set it) would look the same, but then git still wrote its instructions into the file.
 */
export function editorUsed(env: NodeJS.ProcessEnv, raw: string): boolean {
  return env.GIT_EDITOR !== ':' || /^\S Please enter the commit message/m.test(raw);
}

/**
 * The mode git applies: `commit.cleanup` when set, else "strip" for an edited message and
 * "whitespace" for one that was not; "scissors" cuts only an edited message. In the editor,
 * git's own instructions show a `--cleanup` given on the command line.
 */
export function resolveCleanupMode(configured: string | undefined, edited: boolean, raw: string, commentChar = '#'): CleanupMode {
  const mode = configured?.toLowerCase();
  let resolved: CleanupMode = mode === 'strip' || mode === 'whitespace' || mode === 'verbatim' || mode === 'scissors' ? mode : edited ? 'strip' : 'whitespace';
  if (edited) {
    const quoted = `'${commentChar}'`;
    if (raw.includes(`with ${quoted} will be ignored`)) resolved = 'strip';
    else if (raw.includes(`with ${quoted} will be kept`) && resolved === 'strip') resolved = 'whitespace';
  }
  return resolved === 'scissors' && !edited ? 'whitespace' : resolved;
}

/**
 * What git records. "strip" (`git stripspace --strip-comments`): everything from the scissors
 * line on is dropped, comment lines are dropped, trailing spaces trimmed, runs of blank lines
 * folded, blank lines at either end removed. "whitespace" keeps comment lines; "scissors" is
 * "whitespace" that also cuts at the scissors line; "verbatim" changes nothing.
 */
export function cleanMessage(raw: string, commentChar = '#', mode: CleanupMode = 'strip'): string {
  if (mode === 'verbatim') return raw;
  const scissors = `${commentChar} ------------------------ >8 ------------------------`;
  const lines = raw.replace(/\r\n/g, '\n').split('\n');
  const cut = mode === 'whitespace' ? -1 : lines.indexOf(scissors);
  const kept = (cut === -1 ? lines : lines.slice(0, cut))
    .filter((line) => mode !== 'strip' || !line.startsWith(commentChar))
    .map((line) => line.trimEnd());
  const folded: string[] = [];
  for (const line of kept) {
    if (line === '' && (folded.length === 0 || folded[folded.length - 1] === '')) continue;
    folded.push(line);
  }
  while (folded.length > 0 && folded[folded.length - 1] === '') folded.pop();
  return folded.join('\n');
}
