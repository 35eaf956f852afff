/**
 * signed-commits (audit only): when `audit.requireSignedCommits` is on, every commit on a
 * protected branch carries a good signature, as `git log --format=%G?` judges it. No signature
 * (`N`) or a bad one (`B`) is an error; the other states (expired, revoked, unknown validity,
 * cannot be checked here) are reported as they are, as warnings.
 *
 * Why: a signature proves who made a commit; on a protected branch an unsigned one could come
 * from anyone with push access.
 *
 * Config: `audit.requireSignedCommits`.
 *   { "audit": { "requireSignedCommits": true } }
 */
import { messages } from '../messages.js';
import type { Problem } from '../types.js';
import type { Check } from './check.js';

const text = messages.signedCommits;
const ERRORS = new Set(['N', 'B']);

export const signedCommits: Check = {
  id: 'signed-commits',
  why: text.why,
  run(change, context) {
    if (!context.config.audit?.requireSignedCommits) return [];
    const problems: Problem[] = [];
    for (const { sha, state, subject, branch } of change.signatures ?? []) {
      if (state === 'G') continue;
      problems.push({
        severity: ERRORS.has(state) ? 'error' : 'warning',
        message: text.problem(branch, subject, text.states[state] ?? text.otherState(state)),
        commit: sha,
        ref: `refs/heads/${branch}`,
        fix: text.fix(sha, state),
      });
    }
    return problems;
  },
};
