/** JSON reporter for `audit`: the report as it is (version 1), summary and verdict first. */
import type { AuditReport } from '../audit/report.js';

export function formatAuditJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
