/**
 * Messages a dependency bot wrote are not linted: Dependabot, Renovate and GitHub Actions write
 * their own formats, and commitlint users ignore them the same way.
 *
 * Who wrote a message is decided by identity wherever it is known: the author or committer of
 * a commit in history (verify, audit), the author git exports to its commit hooks
 * (GIT_AUTHOR_NAME/EMAIL). Only without any identity does the bot's `Signed-off-by:` trailer
 * count, and only as the message's last line, where the bot puts it: a human message that
 * quotes a bot's sign-off somewhere in its body is still linted. Identities are what git
 * records, not proof: require signed commits where that matters.
 */
import type { CommitMessage, Identity } from '../types.js';

const BOT = '(?:dependabot|renovate|github-actions)\\[bot\\]';
const BOT_NAME = new RegExp(`^${BOT}$`, 'i');
/** GitHub's noreply addresses (`49699333+dependabot[bot]@users.noreply.github.com`) and self-hosted Renovate's default author. */
const BOT_EMAIL = new RegExp(`^(?:(?:\\d+\\+)?${BOT}@users\\.noreply\\.github\\.com|bot@renovateapp\\.com)$`, 'i');
const BOT_SIGNOFF = new RegExp(`^Signed-off-by: ${BOT}(?: <[^>\\n]*>)?\\s*$`, 'i');

export function isBotIdentity(identity: Identity | undefined): boolean {
  return identity !== undefined && (BOT_NAME.test(identity.name.trim()) || BOT_EMAIL.test(identity.email.trim()));
}

export function isBotMessage(message: Pick<CommitMessage, 'text' | 'author' | 'committer'>): boolean {
  if (message.author || message.committer) return isBotIdentity(message.author) || isBotIdentity(message.committer);
  const lines = message.text.trimEnd().split('\n');
  return BOT_SIGNOFF.test(lines[lines.length - 1] ?? '');
}
