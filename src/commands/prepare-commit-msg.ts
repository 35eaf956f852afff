/**
 * The prepare-commit-msg hook: pre-fills the commit template (see commit-template.ts), only for
 * a plain `git commit` that opens the editor on an empty message. Git passes the message
 * source as $2: "message" (-m, -F), "template" (-t, commit.template), "merge", "squash" or
 * "commit" (--amend, -c, -C); all of these already have a message and are left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { commitSkeleton, isEmptyMessage } from '../commit-template.js';
import { COMMENT_KEYS, configuredCommentString, readConfigEntries, readCurrentBranch, type Repository } from '../git/repo.js';
import { ExitCode } from '../errors.js';

export function prepareCommitMessage(repo: Repository, messageFile: string | undefined, source: string | undefined): ExitCode {
  if (!messageFile || (source !== undefined && source !== '')) return ExitCode.ok;
  const file = path.resolve(repo.root, messageFile);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    // Not a file git handed us: nothing to fill, and never a reason to stop a commit.
    return ExitCode.ok;
  }
  const configured = raw.includes('\n') ? configuredCommentString(readConfigEntries(repo, COMMENT_KEYS)) : undefined;
  const commentChar = configured && configured !== 'auto' ? configured : '#';
  if (!isEmptyMessage(raw, commentChar)) return ExitCode.ok;
  fs.writeFileSync(file, `${commitSkeleton(readCurrentBranch(repo), commentChar)}\n${raw.startsWith('\n') ? raw : `\n${raw}`}`);
  return ExitCode.ok;
}
