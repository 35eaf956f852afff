/**
 * branch-health (audit only): branches with no commit for `audit.staleAfterDays` days (default
 * 30), and branches already merged into a protected branch but never deleted. Both are
 * warnings: they ask for tidying, they do not break the policy. Protected branches are never
 * reported. How far each branch is behind its base is listed by the audit report itself.
 *
 * Why: stale and merged branches hide the work that matters, and a branch far behind its base
 * meets its conflicts all at once at merge time.
 *
 * Config: `audit.staleAfterDays`.
 *   { "audit": { "staleAfterDays": 45 } }
 */
import { compileMatcher } from '../config/glob.js';
import { DEFAULTS } from '../config/defaults.js';
import { messages } from '../messages.js';
import type { Problem } from '../types.js';
import type { Check } from './check.js';

const text = messages.branchHealth;
const DAY = 24 * 60 * 60 * 1000;
export const DEFAULT_STALE_DAYS = DEFAULTS.staleAfterDays;

export const branchHealth: Check = {
  id: 'branch-health',
  why: text.why,
  run(change, context) {
    const isProtected = compileMatcher(context.config.branches?.protected ?? []);
    const staleAfter = context.config.audit?.staleAfterDays ?? DEFAULT_STALE_DAYS;
    const now = change.now ?? Date.now();
    const problems: Problem[] = [];
    for (const branch of change.branches ?? []) {
      if (isProtected(branch.name)) continue;
      const remote = branch.ref.startsWith('refs/remotes/');
      const at = { ref: branch.ref, commit: branch.sha, severity: 'warning' as const };
      // A merged branch is reported as merged only: "delete it" answers both questions.
      if (branch.mergedInto) {
        problems.push({ message: text.merged(branch.name, branch.mergedInto), ...at, fix: text.mergedFix(branch.name, remote) });
        continue;
      }
      const days = Math.floor((now - Date.parse(branch.lastCommit)) / DAY);
      if (days >= staleAfter) problems.push({ message: text.stale(branch.name, days, branch.lastCommit), ...at, fix: text.staleFix(branch.name, remote) });
    }
    return problems;
  },
};
