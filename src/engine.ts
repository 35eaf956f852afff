/**
 * The engine: runs the checks a stage needs over a Change and returns a Report. It knows
 * nothing about where the Change came from (hook, CI range, history) nor how the report is
 * printed.
 */
import { CHECK_IDS, type CheckId } from './checks/ids.js';
import { loadMasker, registry } from './checks/registry.js';
import type { LintSetup } from './commitlint/setup.js';
import { resolvePolicy } from './config/policy.js';
import type { McflowConfig } from './config/types.js';
import { levelFor } from './config/levels.js';
import { UsageError } from './errors.js';
import { messages } from './messages.js';
import type { Change, Finding, Severity, Stage } from './types.js';

/** Re-exported: callers ask the engine for levels; the function itself is pure config (config/levels.ts). */
export { levelFor };

export interface Report {
  findings: Finding[];
  /** Check ids skipped on request (MCFLOW_SKIP). */
  skipped: string[];
  /** Why each check that produced findings matters, by check id. */
  reasons: Record<string, string>;
  /** Every check that ran, in registry order, with why it matters (reporters that list rules need them all). */
  checks?: { id: string; why: string }[];
}

export interface RunOptions {
  config: Omit<McflowConfig, 'extends'>;
  root?: string;
  /** Check ids not to run (from MCFLOW_SKIP; CI passes none). */
  skip?: readonly string[];
  /** Run only these checks (audit runs each section's checks over its own Change). */
  only?: readonly CheckId[];
  /**
   * Resolves the commitlint setup the message checks lint with, when one is planned. Default:
   * the repository's own commitlint config at `root`, else config-conventional, with `commits.*`
   * on top (src/commitlint/setup.ts). A caller with another source of truth passes its own
   * (verify: the target branch's commitlint config, src/ci/commitlint-base.ts).
   */
  commitlint?: (config: RunOptions['config'], root: string | undefined) => Promise<LintSetup>;
  /** `verify --report-unused-allow`: the secrets check's scan also reports allow entries it matched to nothing. */
  unusedAllow?: { configFile: string };
}

/**
 * Parses `MCFLOW_SKIP=check-a,check-b` into the check ids; an unknown name is a usage error, not
 * a silent no-op. `steps` are the other names the caller accepts (a hook's `lint-staged`): they
 * are left out of the result and listed with the checks when a name is unknown.
 */
export function parseSkipList(value: string | undefined, steps: readonly string[] = []): string[] {
  const ids = (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !(CHECK_IDS as readonly string[]).includes(id) && !steps.includes(id));
  if (unknown.length > 0) throw new UsageError(messages.unknownSkip(unknown, [...CHECK_IDS, ...steps]), messages.unknownSkipFix);
  return ids.filter((id) => !steps.includes(id));
}

/** One check the plan runs, at the level the config gives it at that stage. */
export interface PlannedCheck {
  id: CheckId;
  level: Severity;
}

export interface Plan {
  /** The checks to run, in registry order. */
  run: PlannedCheck[];
  /** Checks that would run but were skipped on request (MCFLOW_SKIP), in registry order. */
  skipped: CheckId[];
}

/**
 * The one answer to "which checks run at this stage, at which level": the registry's stages,
 * the config's levels (`off` drops a check), MCFLOW_SKIP and a caller's `only`. Hooks, verify
 * and audit all plan through here, so a check never runs in one place and not in another by accident.
 */
export function planChecks(config: RunOptions['config'], stage: Stage, options: Pick<RunOptions, 'skip' | 'only'> = {}): Plan {
  const plan: Plan = { run: [], skipped: [] };
  for (const id of CHECK_IDS) {
    if (!registry[id].stages.includes(stage)) continue;
    if (options.only && !options.only.includes(id)) continue;
    const level = levelFor(config, id, stage);
    if (level === 'off') continue;
    if (options.skip?.includes(id)) plan.skipped.push(id);
    else plan.run.push({ id, level });
  }
  return plan;
}

export async function runChecks(change: Change, options: RunOptions): Promise<Report> {
  // Checks read one policy with every default filled in (the schema's), not each its own fallbacks.
  const config = resolvePolicy(options.config);
  const { run: planned, skipped } = planChecks(config, change.stage, options);
  const mask = async (text: string) => (await loadMasker()).maskText(text);
  const context = { config, stage: change.stage, root: options.root, mask, ...(options.unusedAllow ? { unusedAllow: options.unusedAllow } : {}) };
  // What the planned checks need from the config, resolved once, while the checks load.
  const commitlint = planned.some(({ id }) => registry[id].needs?.includes('commitlint'))
    ? // The caller's config object, not the policy built per run: audit's chunks then share one resolved setup (setup.ts caches by it).
      (options.commitlint ?? resolveLintSetup)(options.config, options.root)
    : undefined;
  // Every check that needs it awaits it; a rejection must not also surface as unhandled meanwhile.
  commitlint?.catch(() => {});
  // Checks are independent: load and run them concurrently, then report in registry order.
  const results = await Promise.all(
    planned.map(async ({ id, level }) => {
      const { prefilter } = registry[id];
      if (prefilter && !prefilter.mayFind(change, context)) return { id, level, why: prefilter.why, problems: [] };
      const needsCommitlint = registry[id].needs?.includes('commitlint') === true;
      const [check, setup] = await Promise.all([registry[id].load(), needsCommitlint ? commitlint : undefined]);
      const problems = await check.run(change, setup ? { ...context, commitlint: setup } : context);
      return { id, level, why: check.why, problems };
    }),
  );
  const findings: Finding[] = [];
  const reasons: Record<string, string> = {};
  for (const { id, level, why, problems } of results) {
    if (problems.length > 0) reasons[id] = why;
    for (const problem of problems) {
      // A check may mark a problem as a mere warning; config can lower a check to warnings, never raise one.
      const severity: Severity = level === 'warning' || problem.severity === 'warning' ? 'warning' : 'error';
      findings.push(toFinding(id, severity, problem));
    }
  }
  return { findings, skipped, reasons, checks: results.map(({ id, why }) => ({ id, why })) };
}

/** Fixes the key order of a finding, so JSON output is stable. */
function toFinding(check: string, severity: Severity, problem: Omit<Finding, 'check' | 'severity'>): Finding {
  const { message, file, line, column, commit, ref, fix, fingerprint, count, rules } = problem;
  const finding: Finding = { check, severity, message };
  if (file !== undefined) finding.file = file;
  if (line !== undefined) finding.line = line;
  if (column !== undefined) finding.column = column;
  if (commit !== undefined) finding.commit = commit;
  if (ref !== undefined) finding.ref = ref;
  if (fix !== undefined) finding.fix = fix;
  if (fingerprint !== undefined) finding.fingerprint = fingerprint;
  if (count !== undefined) finding.count = count;
  if (rules !== undefined) finding.rules = rules;
  return finding;
}

/**
 * The report as reporters may print it: every string masked (secrets found by the secrets
 * rules, userinfo in URLs), whatever check or source put it there. Free when there is nothing to print.
 */
export async function maskReport<T extends { findings: unknown[] }>(report: T): Promise<T> {
  if (report.findings.length === 0) return report;
  return (await loadMasker()).maskDeep(report);
}

export function hasErrors(report: Report): boolean {
  return report.findings.some((finding) => finding.severity === 'error');
}

/**
 * The default commitlint setup: the repository's own commitlint config, else config-conventional
 * (src/commitlint/setup.ts, which reads files; checks do not). In the bin it is its own bundle,
 * dist/checks/commitlint-setup.cjs (scripts/build.mjs), loaded only when a planned check needs it.
 */
async function resolveLintSetup(config: RunOptions['config'], root: string | undefined): Promise<LintSetup> {
  return (await import('./commitlint/setup.js')).resolveLintSetup(config, root);
}
