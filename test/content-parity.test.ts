// The content parity table: each scenario (the ways a secret or a sensitive file used to slip
// past, plus plain add/modify/rename/copy/delete) runs through pre-commit (where it applies:
// `verify --staged` is the pre-commit source itself), a real `git push` through husky's pre-push
// hook, `verify` over the pushed range and `audit` of the whole repository. Each stage must
// report the same content findings (check, file, line), and must report at least one where the
// scenario holds something sensitive.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRepo, repoFromTemplate, type TestRepo } from './helpers/repo.js';

// Built at run time so this file holds no scannable value.
const STRIPE = 'sk_' + 'live_' + 'u8jzPde0IgxLd6GncfBA9fQ2';
const SECRET_LINE = `STRIPE_KEY=${STRIPE}`;
const CONTENT_CHECKS = new Set(['secrets', 'sensitive-files', 'large-files']);

interface Finding {
  check: string;
  file?: string;
  line?: number;
}

interface Scenario {
  name: string;
  /** Changes the repository on branch feature/x; stages (for pre-commit) but does not commit the last step. */
  build: (repo: TestRepo) => void;
  /** What every stage must report. */
  expected: string[];
  /** pre-commit does not see this one (it happens in commits before the last). */
  notStaged?: boolean;
}

function commitAll(repo: TestRepo, message: string): string {
  repo.git(['add', '-A']);
  return repo.commitQuietly(message);
}

const key = (finding: Finding) => `${finding.check} ${finding.file ?? ''}:${finding.line ?? ''}`;
const contentFindings = (findings: Finding[]) => [...new Set(findings.filter((f) => CONTENT_CHECKS.has(f.check)).map(key))].sort();

function hookReport(output: string): Finding[] {
  const start = output.indexOf('{');
  if (start === -1) return [];
  return (JSON.parse(output.slice(start, output.lastIndexOf('}') + 1)) as { findings: Finding[] }).findings;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'plain add, modify, rename, copy and delete',
    build: (repo) => {
      repo.write('src/new.ts', `export const a = 1;\nconst ${SECRET_LINE.toLowerCase().replace('stripe_key', 'stripe')};\n`);
      repo.write('src/app.ts', 'export const app = 1;\nexport const extra = 2;\n');
      repo.git(['mv', 'src/old.ts', 'src/moved.ts']);
      repo.write('src/copy.ts', 'export const keep = "the same text as app";\n');
      repo.git(['rm', '-q', 'src/gone.ts']);
      repo.git(['add', '.']);
    },
    expected: ['secrets src/new.ts:2'],
  },
  {
    name: '1. a merge that adds a line neither parent had (an evil merge)',
    build: (repo) => {
      repo.git(['checkout', '-q', '-b', 'side']);
      repo.write('src/app.ts', 'export const app = 1;\nexport const side = 1;\n');
      commitAll(repo, 'feat: side');
      repo.git(['checkout', '-q', 'feature/x']);
      repo.write('src/other.ts', 'export const other = 1;\n');
      commitAll(repo, 'feat: other');
      repo.git(['merge', '-q', '--no-ff', '--no-commit', 'side']);
      repo.write('src/app.ts', `export const app = 1;\nexport const side = 1;\n// ${SECRET_LINE}\n`);
      repo.git(['add', '.']);
    },
    expected: ['secrets src/app.ts:3'],
  },
  {
    name: '1b. an evil merge in a file git calls binary (attribute and a NUL byte)',
    build: (repo) => {
      repo.write('.gitattributes', '*.dat binary\n');
      repo.write('data.dat', 'head\0er\nline\n');
      commitAll(repo, 'chore: data');
      repo.git(['checkout', '-q', '-b', 'side']);
      repo.write('data.dat', 'head\0er\nline\nside\n');
      commitAll(repo, 'feat: side');
      repo.git(['checkout', '-q', 'feature/x']);
      repo.write('data.dat', 'main\nhead\0er\nline\n');
      commitAll(repo, 'feat: main');
      repo.git(['merge', '-q', '--no-ff', '--no-commit', 'side'], { allowFailure: true });
      repo.write('data.dat', `main\nhead\0er\nline\n${SECRET_LINE}\nside\n`);
      repo.git(['add', '.']);
    },
    expected: ['secrets data.dat:4'],
  },
  {
    name: '2. .gitattributes marks the file -diff, binary and diff=x',
    build: (repo) => {
      repo.write('.gitattributes', '*.cfg -diff\n*.ini binary\n*.conf diff=x\n');
      repo.write('a.cfg', `${SECRET_LINE}\n`);
      repo.write('b.ini', `${SECRET_LINE}\n`);
      repo.write('c.conf', `${SECRET_LINE}\n`);
      repo.git(['add', '.']);
    },
    expected: ['secrets a.cfg:1', 'secrets b.ini:1', 'secrets c.conf:1'],
  },
  {
    name: '3. UTF-16LE text (PowerShell 5.1) and a text file with a NUL byte',
    build: (repo) => {
      repo.write('deploy.ps1', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Write-Host "hi"\r\n$${SECRET_LINE}\r\n`, 'utf16le')]));
      repo.write('notes.txt', Buffer.from(`header\0x\n${SECRET_LINE}\n`));
      repo.git(['add', '.']);
    },
    expected: ['secrets deploy.ps1:2', 'secrets notes.txt:2'],
  },
  {
    // The encoding is read from the whole file: nothing past git's 8000-byte sample decides what is scanned.
    name: '3b. the encoding changes after 8000 bytes; UTF-16 without BOM whose first 8000 bytes hold no zero',
    build: (repo) => {
      const ascii = Buffer.from('filler line\n'.repeat(750));
      repo.write('assets/mixed.txt', Buffer.concat([ascii, Buffer.from(`${'Write-Host "hi"\n'.repeat(200)}${SECRET_LINE}\n`, 'utf16le')]));
      repo.write('assets/wide.ps1', Buffer.from(`# ${'\u0430'.repeat(4100)}\r\n${'Write-Host "hi"\r\n'.repeat(300)}$${SECRET_LINE}\r\n`, 'utf16le'));
      repo.write('assets/padded.txt', Buffer.concat([Buffer.from('header\n'), Buffer.alloc(20000), Buffer.from(`\n${SECRET_LINE}\n`)]));
      repo.git(['add', '.']);
    },
    expected: ['secrets assets/mixed.txt:951', 'secrets assets/padded.txt:3', 'secrets assets/wide.ps1:302'],
  },
  {
    name: '4. diff.interHunkContext=10 in the user\'s config',
    build: (repo) => {
      repo.git(['config', 'diff.interHunkContext', '10']);
      repo.git(['config', 'diff.noprefix', 'true']);
      repo.git(['config', 'color.diff', 'always']);
      repo.write('src/app.ts', `export const app = 1;\n// ${SECRET_LINE}\nexport const x = 1;\nexport const y = 2;\nexport const z = "changed";\n`);
      repo.git(['add', '.']);
    },
    expected: ['secrets src/app.ts:2'],
  },
  {
    name: '5. a large file that files.allowLarge lets in still has its secret found',
    build: (repo) => {
      repo.write('assets/data.txt', `${'filler line\n'.repeat(200)}${SECRET_LINE}\n`);
      repo.git(['add', '.']);
    },
    expected: ['secrets assets/data.txt:201'],
  },
  {
    name: '6. names in another case: .ENV, Secrets/, ID_RSA',
    build: (repo) => {
      repo.write('.ENV', 'NAME=app\n');
      repo.write('Secrets/db.yml', 'name: app\n');
      repo.write('ID_RSA', 'not really\n');
      repo.git(['add', '.']);
    },
    expected: ['sensitive-files .ENV:', 'sensitive-files ID_RSA:', 'sensitive-files Secrets/db.yml:'],
  },
  {
    name: 'a secret added and removed again before the push',
    notStaged: true,
    build: (repo) => {
      repo.write('src/app.ts', `export const app = 1;\n// ${SECRET_LINE}\n`);
      commitAll(repo, 'feat: oops');
      repo.write('src/app.ts', 'export const app = 1;\n');
      repo.git(['add', '.']);
    },
    expected: ['secrets src/app.ts:2'],
  },
];

describe('content parity: pre-commit, pre-push, verify and audit report the same findings', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, async (t) => {
      // the same start for every scenario: built once, copied for each
      const repo = repoFromTemplate(t, 'start', (fileScope) => {
        const start = createRepo(fileScope, { origin: true });
        start.installHooks({ 'pre-push': 'mcflow-hooks run pre-push --format json "$@"\n' });
        start.write('.mcflowrc.json', JSON.stringify({ files: { maxSize: 1024, allowLarge: ['assets/**'] } }));
        start.write('src/app.ts', 'export const app = 1;\n');
        start.write('src/old.ts', 'export const old = 1;\n');
        start.write('src/gone.ts', 'export const gone = 1;\n');
        start.write('src/template.ts', 'export const keep = "the same text as app";\n');
        commitAll(start, 'chore: initial commit');
        start.git(['push', '-q', '--no-verify', 'origin', 'main']);
        start.git(['checkout', '-q', '-b', 'feature/x']);
        return start;
      });
      const base = repo.git(['rev-parse', 'main']).stdout.trim();

      scenario.build(repo);
      const stages: Record<string, string[]> = {};
      if (!scenario.notStaged) {
        const staged = await repo.run(['verify', '--staged', '--format', 'json']);
        stages['pre-commit'] = contentFindings(hookReport(staged.stdout));
      }
      repo.commitQuietly('feat: the change');
      const pushed = repo.git(['push', '-q', 'origin', 'feature/x'], { allowFailure: true });
      assert.notEqual(pushed.code, 0, `the push is refused:\n${pushed.output}`);
      stages['pre-push'] = contentFindings(hookReport(pushed.output));
      const verify = await repo.run(['verify', '--base', base, '--head', 'HEAD', '--format', 'json']);
      assert.equal(verify.code, 1, verify.output);
      stages.verify = contentFindings(hookReport(verify.stdout));
      const audit = await repo.run(['audit', '--format', 'json']);
      const sections = (JSON.parse(audit.stdout) as { sections: { findings: Finding[] }[] }).sections;
      stages.audit = contentFindings(sections.flatMap((section) => section.findings));

      for (const [stage, found] of Object.entries(stages)) assert.deepEqual(found, scenario.expected, `${stage} (all: ${JSON.stringify(stages)})`);
      for (const output of [pushed.output, verify.stdout, audit.stdout]) assert.doesNotMatch(output, new RegExp(STRIPE), 'never printed');
    });
  }
});
