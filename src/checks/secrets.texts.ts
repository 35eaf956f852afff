/**
 * Secrets in what people write besides files: commit messages (`feat: rotate key ghp_…`), the
 * pull request's title and body. They reach the same logs as file findings, so they are scanned
 * with the same rules and reported the same way (masked, fingerprinted, allow-listed by
 * fingerprint), pointing at the commit or at the pull request. Inline markers do not apply:
 * they are for files a reviewer reads in the diff.
 */
import { messages } from '../messages.js';
import type { Change, Problem } from '../types.js';
import type { CheckContext } from './check.js';
import { fingerprintSecret, maskSecret, oldFingerprint } from './secrets.redact.js';
import { mayContainSecret, scanTexts } from './secrets.scan.js';
import { withOldFingerprint } from './secrets.allow.js';

const text = messages.secrets;

interface UserText {
  where: 'message' | 'title' | 'body';
  content: string;
  commit?: string;
}

export async function scanUserTexts(change: Change, context: CheckContext): Promise<Problem[]> {
  const texts: UserText[] = [];
  for (const message of change.messages ?? []) texts.push({ where: 'message', content: message.text, ...(message.commit ? { commit: message.commit } : {}) });
  if (change.pullRequest?.title) texts.push({ where: 'title', content: change.pullRequest.title });
  if (change.pullRequest?.body) texts.push({ where: 'body', content: change.pullRequest.body });
  // The keyword prefilter first: most messages hold none, and then nothing else runs.
  const candidates = texts.filter((item) => mayContainSecret(item.content));
  if (candidates.length === 0) return [];
  const results = await scanTexts(candidates.map((item) => ({ path: '', content: item.content })));
  const number = change.pullRequest?.number;
  const found: Promise<Problem>[] = [];
  candidates.forEach((item, index) => {
    for (const secret of results[index]!) {
      found.push(
        fingerprintSecret(secret.rule, secret.value).then((fingerprint) =>
          withOldFingerprint(
            {
              message: text.foundInText(item.where, secret.description, secret.rule, maskSecret(secret.value), secret.line),
              ...(item.commit ? { commit: item.commit } : {}),
              fingerprint,
              fix: text.textFix(context.stage, item.where, item.commit, number, fingerprint),
            },
            oldFingerprint(secret.rule, secret.value),
          ),
        ),
      );
    }
  });
  return Promise.all(found);
}
