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
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const body: JsonReport = {
    version: 1,
    findings: report.findings,
    summary: { errors, warnings: report.findings.length - errors },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
