/** JSON reporter: the stable machine-readable shape, version 1. */
import type { Report } from '../engine.js';

export function formatJson(report: Report): string {
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const body = {
    version: 1,
    findings: report.findings,
    summary: { errors, warnings: report.findings.length - errors },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
