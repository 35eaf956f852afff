/**
 * JUnit XML reporter, for CI systems that show test reports (GitLab's `artifacts:reports:junit`,
 * Jenkins, Azure): one test suite per check that ran, one failing test case per error finding,
 * warnings as passing cases with the warning in `system-out`, and one passing case for a check
 * that found nothing (so the report shows what was checked).
 */
import type { Report } from '../engine.js';
import type { Finding } from '../types.js';

/** XML text and attribute escaping; characters XML 1.0 cannot carry are dropped. */
function xml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function caseName(finding: Finding): string {
  const where = finding.file
    ? `${finding.file}${finding.line !== undefined ? `:${finding.line}` : ''}`
    : finding.commit
      ? `commit ${finding.commit.slice(0, 12)}`
      : finding.ref;
  return where ? `${where}: ${finding.message}` : finding.message;
}

function details(finding: Finding): string {
  return [
    finding.message,
    finding.file && `file: ${finding.file}${finding.line !== undefined ? `:${finding.line}` : ''}`,
    finding.commit && `commit: ${finding.commit}`,
    finding.ref && `ref: ${finding.ref}`,
    finding.fix && `fix: ${finding.fix}`,
  ]
    .filter(Boolean)
    .join('\n');
}

export function formatJunit(report: Report): string {
  const ids = report.checks?.map((check) => check.id) ?? [...new Set(report.findings.map((finding) => finding.check))];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const id of ids) {
    const findings = report.findings.filter((finding) => finding.check === id);
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const finding of findings) {
      const name = xml(caseName(finding));
      if (finding.severity === 'error') {
        suiteFailures++;
        cases.push(
          `    <testcase classname="mcflow-hooks.${xml(id)}" name="${name}">\n` +
            `      <failure type="${xml(id)}" message="${xml(finding.message)}">${xml(details(finding))}</failure>\n` +
            '    </testcase>',
        );
      } else {
        cases.push(`    <testcase classname="mcflow-hooks.${xml(id)}" name="${name}">\n      <system-out>warning: ${xml(details(finding))}</system-out>\n    </testcase>`);
      }
    }
    if (findings.length === 0) cases.push(`    <testcase classname="mcflow-hooks.${xml(id)}" name="${xml(id)}"/>`);
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${xml(id)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="mcflow-hooks" tests="${tests}" failures="${failures}" errors="0">\n` +
    (suites.length > 0 ? `${suites.join('\n')}\n` : '') +
    '</testsuites>\n'
  );
}
