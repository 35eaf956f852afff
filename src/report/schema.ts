/**
 * JSON schemas of the machine-readable reports: `verify --format json` (and `run --format
 * json`) and `audit --format json`. Each object schema is built from the TypeScript type the
 * reporter writes: `objectSchema<T>` only compiles when it lists exactly the keys of `T`, and
 * exactly its required ones as required, so the schema and the type cannot drift apart.
 * `npm run schema` writes them to schema/ beside the config schema; tests validate real output.
 */
import type { AuditFinding, AuditReport, AuditSection } from '../audit/report.js';
import { SECTION_IDS } from '../audit/report.js';
import type { SchemaNode } from '../config/schema.js';
import type { BranchState, Finding } from '../types.js';
import type { JsonReport } from './json.js';

/** The keys of T that are not optional. */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

function objectSchema<T>(description: string, properties: { [K in keyof T]-?: SchemaNode }, required: { [K in RequiredKeys<T>]: true }): SchemaNode {
  return { type: 'object', description, additionalProperties: false, properties: properties as Record<string, SchemaNode>, required: Object.keys(required) };
}

const count = (description: string): SchemaNode => ({ type: 'integer', minimum: 0, description });
const strings = (description: string): SchemaNode => ({ type: 'array', description, items: { type: 'string' } });
const counts = objectSchema<{ errors: number; warnings: number }>('Findings by severity.', { errors: count('Error findings.'), warnings: count('Warning findings.') }, { errors: true, warnings: true });

const findingProperties: { [K in keyof Finding]-?: SchemaNode } = {
  check: { type: 'string', description: 'The check that found it (its README heading).' },
  severity: { type: 'string', enum: ['error', 'warning'], description: '"error" blocks (exit 1), "warning" reports.' },
  message: { type: 'string', description: 'What is wrong, in one sentence. A secret appears only masked.' },
  file: { type: 'string', description: 'Path in the repository, relative to its root.' },
  line: { type: 'integer', minimum: 1, description: '1-based line.' },
  column: { type: 'integer', minimum: 1, description: '1-based column.' },
  commit: { type: 'string', pattern: '^[0-9a-f]{40,64}$', description: 'The commit it is about (full sha).' },
  ref: { type: 'string', description: 'The ref it is about (refs/heads/…, refs/tags/…).' },
  fix: { type: 'string', description: 'The exact command or step that resolves it.' },
  fingerprint: { type: 'string', pattern: '^fp2-[0-9a-f]{16}$', description: 'Stable identity of a secret (fp2- and 16 hex digits; scrypt or sha256 of rule and value, see the README), for secrets.allow.' },
  rules: strings('The ids of the library rules behind it, as the library names them (commit-message: commitlint\'s rule ids).'),
  count: { type: 'integer', minimum: 1, description: 'How many problems it stands for: a capped list\'s "…and N more" finding carries N (absent: 1). The summary counts them all.' },
};
const FINDING_REQUIRED = { check: true, severity: true, message: true } as const;

export const findingSchema = objectSchema<Finding>('One problem a check found.', findingProperties, FINDING_REQUIRED);

export const verifyReportSchema: SchemaNode = objectSchema<JsonReport>(
  'The report of `mcflow-hooks verify --format json` and `mcflow-hooks run <hook> --format json`.',
  {
    version: { type: 'integer', enum: [1], description: 'The shape\'s version: fields are only ever added within a version.' },
    findings: { type: 'array', items: findingSchema, description: 'Every finding, errors and warnings, grouped by check.' },
    summary: counts,
  },
  { version: true, findings: true, summary: true },
);

const auditFindingSchema = objectSchema<AuditFinding>(
  'A finding about history.',
  {
    ...findingProperties,
    date: { type: 'string', description: 'Author date of `commit`, ISO 8601.' },
    presence: objectSchema<NonNullable<AuditFinding['presence']>>(
      'Sensitive content only: where it still is, and where it was.',
      {
        status: { type: 'string', enum: ['present', 'removed'], description: '"present" while some branch tip still holds it.' },
        branches: strings('The branches whose tip still holds it, protected ones first.'),
        was: strings('The live branches whose history holds the commit that added it.'),
      },
      { status: true, branches: true },
    ),
  },
  FINDING_REQUIRED,
);

const sectionSchema = objectSchema<AuditSection>(
  'One section of the audit.',
  {
    id: { type: 'string', enum: SECTION_IDS, description: 'The section.' },
    title: { type: 'string', description: 'Its heading.' },
    checks: strings('The checks that ran for it.'),
    findings: { type: 'array', items: auditFindingSchema, description: 'Its findings.' },
    note: { type: 'string', description: 'Why the section could not run or was cut short, when it was.' },
  },
  { id: true, title: true, checks: true, findings: true },
);

const branchSchema = objectSchema<BranchState>(
  'A live branch that is not protected.',
  {
    name: { type: 'string', description: 'Short name, without origin/.' },
    ref: { type: 'string', description: 'The full ref it was read from.' },
    sha: { type: 'string', description: 'Its tip.' },
    lastCommit: { type: 'string', description: 'Committer date of the tip, ISO 8601.' },
    base: { type: 'string', description: 'The branch it merges into in the team workflow.' },
    ahead: count('Commits on the branch that the base lacks.'),
    behind: count('Commits on the base that the branch lacks.'),
    mergedInto: { type: 'string', description: 'The protected branch its tip was merged into.' },
  },
  { name: true, ref: true, sha: true, lastCommit: true },
);

export const auditReportSchema: SchemaNode = objectSchema<AuditReport>(
  'The report of `mcflow-hooks audit --format json`.',
  {
    version: { type: 'integer', enum: [1], description: 'The shape\'s version: fields are only ever added within a version.' },
    scope: objectSchema<AuditReport['scope']>(
      'What was read.',
      {
        refs: count('Branches and tags read (after --refs).'),
        commits: count('Commits whose added content was scanned.'),
        since: { type: 'string', description: 'The --since given.' },
        protectedBranches: strings('Protected branches found, short names.'),
      },
      { refs: true, commits: true, protectedBranches: true },
    ),
    summary: objectSchema<AuditReport['summary']>(
      'Counts, in total and per section.',
      {
        errors: count('Error findings.'),
        warnings: count('Warning findings.'),
        sections: { type: 'object', description: 'Counts per section id.', propertyNames: { enum: SECTION_IDS }, additionalProperties: counts },
      },
      { errors: true, warnings: true, sections: true },
    ),
    verdict: { type: 'string', description: 'One line saying whether the audit passed.' },
    sections: { type: 'array', items: sectionSchema, description: 'The sections, in a fixed order.' },
    branches: { type: 'array', items: branchSchema, description: 'Every live branch that is not protected.' },
    reasons: { type: 'object', additionalProperties: { type: 'string' }, description: 'Why each check that produced findings matters, by check id.' },
    baseline: objectSchema<NonNullable<AuditReport['baseline']>>(
      'With --baseline: the file, and how many known findings were left out.',
      { file: { type: 'string', description: 'The baseline file as given.' }, known: count('Findings the baseline knew, not shown.') },
      { file: true, known: true },
    ),
  },
  { version: true, scope: true, summary: true, verdict: true, sections: true, branches: true, reasons: true },
);

export const REPORT_SCHEMA_FILES = {
  'schema/verify-report.schema.json': { title: 'mcflow-hooks verify report', schema: verifyReportSchema },
  'schema/audit-report.schema.json': { title: 'mcflow-hooks audit report', schema: auditReportSchema },
} as const;

export function renderReportSchema(file: keyof typeof REPORT_SCHEMA_FILES): string {
  const { title, schema } = REPORT_SCHEMA_FILES[file];
  const document = { $schema: 'http://json-schema.org/draft-07/schema#', $id: `https://unpkg.com/mcflow-hooks/${file}`, title, ...schema };
  return `${JSON.stringify(document, null, 2)}\n`;
}
