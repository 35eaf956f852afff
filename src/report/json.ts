/** JSON reporter: the stable machine-readable shape, version 1. */
import type { Report } from '../engine.js';
import type { Finding } from '../types.js';

/** What `--format json` writes; its JSON schema (schema/verify-report.schema.json) is built from this type. */
export interface JsonReport {
  version: 1;
  findings: Finding[];
  summary: { errors: number; warnings: number };
}

export function formatJson(report: Report): string {
  // A capped list's "…and N more" finding counts for N: the totals stay true.
  const count = (severity: string) => report.findings.reduce((sum, finding) => sum + (finding.severity === severity ? (finding.count ?? 1) : 0), 0);
  const body: JsonReport = {
    version: 1,
    findings: report.findings,
    summary: { errors: count('error'), warnings: count('warning') },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
