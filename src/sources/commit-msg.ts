/**
 * Builds a Change from the message file git hands the commit-msg hook. The file still holds
 * git's comment lines and, with `commit -v`, the diff below the scissors line; git strips both
 * after the hook runs, so we strip them the same way before linting.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { messages } from '../messages.js';
import { detectOperation, readConfigValue, readCurrentBranch, type Repository } from '../git/repo.js';
import { isAmending } from './commit-kind.js';
import type { Change } from '../types.js';

/** The characters git picks from when `core.commentChar` is `auto` (see git-config(1)). */
const AUTO_COMMENT_CHARS = '#;@!$%^&|:';

export function collectCommitMsgChange(repo: Repository, cwd: string, messageFile: string | undefined): Change {
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
  const commentChar = mayHaveComments(raw) ? resolveCommentChar(readConfigValue(repo, 'core.commentChar'), raw) : '#';
  return {
    stage: 'commit-msg',
    branch: readCurrentBranch(repo),
    messages: [{ text: cleanMessage(raw, commentChar) }],
    repo: { root: repo.root, gitDir: repo.gitDir, ...commitState(repo) },
  };
}

/** An amend and a rebase in progress change the command that fixes a refused message. */
function commitState(repo: Repository): { amending?: boolean; operation?: 'rebase' } {
  return { ...(isAmending(repo.gitDir) ? { amending: true } : {}), ...(detectOperation(repo) === 'rebase' ? { operation: 'rebase' as const } : {}) };
}

/** True when some line starts with a character git may use for comments (`#` or any `auto` choice). */
export function mayHaveComments(raw: string): boolean {
  return raw.split('\n').some((line) => line.length > 0 && AUTO_COMMENT_CHARS.includes(line[0]!));
}

/**
 * `core.commentChar` as git applies it. For `auto`, git chose a character not used at the start
 * of any line of the template; we recover it from the lines git itself wrote.
 */
export function resolveCommentChar(configured: string | undefined, raw: string): string {
  if (configured && configured !== 'auto') return configured[0]!;
  if (configured === 'auto') {
    for (const ch of AUTO_COMMENT_CHARS) {
      const escaped = ch.replace(/[$^|]/g, '\\$&');
      if (new RegExp(`^${escaped} (Please enter the commit message|-{24} >8 -{24})`, 'm').test(raw)) return ch;
    }
  }
  return '#';
}

/**
 * What git records: everything from the scissors line on is dropped, comment lines are
 * dropped, trailing spaces trimmed, runs of blank lines folded, and blank lines at either end
 * removed (`git stripspace --strip-comments`).
 */
export function cleanMessage(raw: string, commentChar = '#'): string {
  const scissors = `${commentChar} ------------------------ >8 ------------------------`;
  const lines = raw.replace(/\r\n/g, '\n').split('\n');
  const cut = lines.indexOf(scissors);
  const kept = (cut === -1 ? lines : lines.slice(0, cut))
    .filter((line) => !line.startsWith(commentChar))
    .map((line) => line.trimEnd());
  const folded: string[] = [];
  for (const line of kept) {
    if (line === '' && (folded.length === 0 || folded[folded.length - 1] === '')) continue;
    folded.push(line);
  }
  while (folded.length > 0 && folded[folded.length - 1] === '') folded.pop();
  return folded.join('\n');
}
