/**
 * SARIF 2.1.0 reporter, shaped for GitHub code scanning: one rule per check that ran, one
 * result per finding with a location (code scanning refuses results without one: findings
 * about a commit or a branch point at `fallbackFile`, the config that set the policy), and a
 * stable `partialFingerprints` entry so an alert survives unrelated edits.
 * A test validates the output against the official schema.
 */
import { createHash } from 'node:crypto';
import type { Report } from '../engine.js';
import type { Finding } from '../types.js';

export interface SarifOptions {
  version: string;
  /** Repository-relative file for findings with no file of their own. */
  fallbackFile: string;
  /** The command that produced the findings, for code scanning's category (default "verify"). */
  command?: 'verify' | 'audit';
}

const INFO_URI = 'https://www.npmjs.com/package/mcflow-hooks';

function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

function fingerprint(finding: Finding): string {
  if (finding.fingerprint) return finding.fingerprint;
  // No line: lines move when unrelated code changes; the file, commit and message identify the problem.
  const key = [finding.check, finding.file ?? '', finding.commit ?? '', finding.ref ?? '', finding.message].join('\0');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** A repository-relative path as a SARIF URI: forward slashes, each segment percent-encoded. */
function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

export function formatSarif(report: Report, options: SarifOptions): string {
  const checks = report.checks ?? [...new Set(report.findings.map((finding) => finding.check))].map((id) => ({ id, why: report.reasons[id] ?? id }));
  const ruleIndex = new Map(checks.map((check, index) => [check.id, index]));
  const rules = checks.map((check) => ({
    id: check.id,
    name: ruleName(check.id),
    shortDescription: { text: `mcflow-hooks ${check.id}` },
    fullDescription: { text: check.why },
    helpUri: `${INFO_URI}#${check.id}`,
    help: { text: `Why: ${check.why}. See the README section "${check.id}".` },
  }));
  const results = report.findings.map((finding) => {
    const text = [
      finding.message,
      finding.commit ? `Commit: ${finding.commit}.` : undefined,
      finding.ref ? `Ref: ${finding.ref}.` : undefined,
      finding.fix ? `Fix: ${finding.fix}` : undefined,
    ]
      .filter(Boolean)
      .join(' ');
    const region: Record<string, number> = { startLine: finding.file && finding.line !== undefined ? finding.line : 1 };
    if (finding.file && finding.column !== undefined) region.startColumn = finding.column;
    const properties: Record<string, string> = {};
    if (finding.commit) properties.commit = finding.commit;
    if (finding.ref) properties.ref = finding.ref;
    if (finding.fix) properties.fix = finding.fix;
    if (finding.count !== undefined) properties.count = String(finding.count);
    return {
      ruleId: finding.check,
      ruleIndex: ruleIndex.get(finding.check) ?? 0,
      level: finding.severity === 'error' ? 'error' : 'warning',
      message: { text },
      locations: [{ physicalLocation: { artifactLocation: { uri: toUri(finding.file ?? options.fallbackFile), uriBaseId: '%SRCROOT%' }, region } }],
      partialFingerprints: { 'mcflowFinding/v1': fingerprint(finding) },
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'mcflow-hooks', version: options.version, semanticVersion: options.version, informationUri: INFO_URI, rules } },
        automationDetails: { id: `mcflow-hooks/${options.command ?? 'verify'}/` },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
