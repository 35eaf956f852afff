/**
 * The engine over a change whose files arrive in batches (verify over a range: what each batch
 * of commits adds, streamed by the content reader), so that memory is bounded by a batch and
 * not by the range: 4 000 commits no longer hold 20 000 file records, their line sets and
 * their size answers at once.
 *
 * The report is the one a single run over every file gives: the checks run once over the
 * change without its files (messages, names, the pull request, the policy), then the checks
 * that read files run over each batch with nothing else (no messages, no pull request: those
 * were scanned already). Per check, findings keep their order (a batch's files come in the
 * range's order), the content findings before the same check's other findings, as one run
 * orders them; the secrets check's per-run cap is applied across batches.
 */
import type { CheckId } from './checks/ids.js';
import { planChecks, runChecks, type Report, type RunOptions } from './engine.js';
import { resolvePolicy } from './config/policy.js';
import { messages } from './messages.js';
import type { Change, ChangedFile, Finding } from './types.js';

/** Feeds each batch of files to `onBatch`, one after the other. */
export type FileBatches = (onBatch: (files: ChangedFile[]) => Promise<void>) => Promise<void>;

/**
 * Which checks read files, and where their file findings go among their others: `secrets`
 * lists the files' findings before those in messages and the pull request text; `policy-change`
 * lists the inline markers files add after its findings about the config.
 */
export const CONTENT_CHECKS: readonly { id: CheckId; filesFirst: boolean }[] = [
  { id: 'secrets', filesFirst: true },
  { id: 'sensitive-files', filesFirst: true },
  { id: 'large-files', filesFirst: true },
  { id: 'policy-change', filesFirst: false },
];

export async function runChecksOverBatches(change: Change, options: RunOptions, batches: FileBatches): Promise<Report> {
  const planned = planChecks(resolvePolicy(options.config), change.stage, options).run.filter(({ id }) => CONTENT_CHECKS.some((check) => check.id === id));
  const fromFiles = new Map<string, Finding[]>();
  const reasons: Record<string, string> = {};
  const { unusedAllow: _wholeRunOnly, ...batchOptions } = options;
  const only = planned.map(({ id }) => id);
  // Both at once: git reads the range's content while the messages are linted. A failure of
  // either stops the other (the content stream ends its git at the next batch).
  let failed = false;
  const stopOnFailure = (error: unknown) => {
    failed = true;
    throw error;
  };
  // The messages are linted once the first batch has been handed out (its contents asked for),
  // or the stream has ended: loading commitlint holds the thread for ~20 ms, and the stream's
  // git output waiting behind it meant asking git for the first contents only after, then
  // waiting for them with nothing left to do.
  let contentAsked!: () => void;
  const firstBatch = new Promise<void>((resolve) => (contentAsked = resolve));
  const [whole] = await Promise.all([
    (planned.length === 0 ? Promise.resolve() : firstBatch)
      .then(() => {
        // The stream failed before a batch: nothing more to start.
        if (failed) throw new Error('stopped: reading the files failed');
        return runChecks({ ...change, files: [] }, options);
      })
      .catch(stopOnFailure),
    planned.length === 0
      ? undefined
      : (async () => {
          const runBatch = async (files: ChangedFile[]) => {
            contentAsked();
            if (failed) throw new Error('stopped: the checks over the whole change failed');
            const part = await runChecks(contentOnly(change, files), { ...batchOptions, only });
            Object.assign(reasons, part.reasons);
            for (const finding of part.findings) {
              const list = fromFiles.get(finding.check) ?? [];
              list.push(finding);
              fromFiles.set(finding.check, list);
            }
          };
          await batches(runBatch);
          // Files the source put in the change itself (not from the stream) are one more batch, never dropped.
          if (change.files?.length) await runBatch(change.files);
        })()
          .catch(stopOnFailure)
          .finally(contentAsked),
  ]);
  if (planned.length === 0) return whole;
  const secrets = fromFiles.get('secrets');
  if (secrets) fromFiles.set('secrets', await capSecrets(secrets, planned.find(({ id }) => id === 'secrets')!.level));
  const findings: Finding[] = [];
  const why: Record<string, string> = {};
  for (const { id } of whole.checks ?? []) {
    const own = whole.findings.filter((finding) => finding.check === id);
    const files = fromFiles.get(id) ?? [];
    findings.push(...(CONTENT_CHECKS.find((check) => check.id === id)?.filesFirst === false ? [...own, ...files] : [...files, ...own]));
    const reason = whole.reasons[id] ?? reasons[id];
    if (reason !== undefined) why[id] = reason;
  }
  return { ...whole, findings, reasons: why };
}

/**
 * A batch as the content checks see it: its files, and nothing the whole run has judged
 * already. No messages and no pull request title or body (secrets scanned them); a policy
 * review that keeps only what reading files depends on (the markers' ignore list, whether
 * markers count, the fix line's label), so policy-change lists the batch's markers and not the
 * config's weakenings again.
 */
function contentOnly(change: Change, files: ChangedFile[]): Change {
  const review = change.policyReview;
  return {
    ...change,
    files,
    messages: [],
    ...(change.pullRequest ? { pullRequest: withoutText(change.pullRequest) } : {}),
    ...(review
      ? {
          policyReview: {
            base: review.base,
            lockViolations: [],
            event: review.event,
            ...(review.acceptedLabel !== undefined ? { acceptedLabel: review.acceptedLabel } : {}),
            ...(review.label !== undefined ? { label: review.label } : {}),
            ...(review.headFile !== undefined ? { headFile: review.headFile } : {}),
          },
        }
      : {}),
  };
}

function withoutText({ title: _title, body: _body, ...rest }: NonNullable<Change['pullRequest']>): NonNullable<Change['pullRequest']> {
  return rest;
}

/**
 * The secrets check shows MAX_PER_RUN findings a run, then one "…and N more" line: each batch
 * applied it to itself, so its own "more" line (the only secrets finding a batch has without a
 * file) is folded into one count for the whole range.
 */
async function capSecrets(found: readonly Finding[], level: Finding['severity']): Promise<Finding[]> {
  const { MAX_PER_RUN } = await import('./checks/secrets.js');
  const kept: Finding[] = [];
  let hidden = 0;
  for (const finding of found) {
    if (finding.file === undefined) hidden += finding.count ?? 0;
    else if (kept.length < MAX_PER_RUN) kept.push(finding);
    else hidden += finding.count ?? 1;
  }
  if (hidden > 0) kept.push({ check: 'secrets', severity: level, message: messages.secrets.moreInRun(hidden), count: hidden });
  return kept;
}
