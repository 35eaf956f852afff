import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, it, type TestContext } from 'node:test';
import { UsageError } from '../errors.js';
import { routeReport, type ReportRoute } from './route.js';

/** A stream that keeps what was written, synchronously. */
function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, read: () => text };
}

function setup(t: TestContext, env: NodeJS.ProcessEnv = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-route-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const stdout = capture();
  const stderr = capture();
  return { dir, io: { stdout: stdout.stream, stderr: stderr.stream, env, cwd: dir }, stdout: stdout.read, stderr: stderr.read };
}

const toFile = (file: string, log: NonNullable<ReportRoute['output']>['log'] = (written) => ({ stream: 'stderr', text: `wrote ${written}\n` })) => ({
  file,
  log,
  unwritable: { message: (full: string, reason: string) => `cannot write ${full}: ${reason}`, fix: 'pick another path' },
});
const route = (extra: Partial<ReportRoute>): ReportRoute => ({
  format: 'text',
  render: () => 'THE REPORT\n',
  github: { annotations: async () => '::error::A\n', stepSummary: async () => '## summary\n' },
  ...extra,
});

describe('routeReport', () => {
  it('prints the chosen format on stdout, and nothing GitHub-only outside GitHub Actions', async (t) => {
    const { io, stdout, stderr } = setup(t);
    await routeReport(route({ format: 'json', render: () => '{}\n' }), io);
    assert.equal(stdout(), '{}\n');
    assert.equal(stderr(), '');
  });

  it('--output writes the file and puts what the command chose in the log', async (t) => {
    const { dir, io, stdout, stderr } = setup(t);
    await routeReport(route({ format: 'sarif', render: () => 'SARIF', output: toFile('out.sarif') }), io);
    assert.equal(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8'), 'SARIF');
    assert.equal(stdout(), '');
    assert.equal(stderr(), 'wrote out.sarif\n');
  });

  it('an --output that cannot be written is a usage error naming the file', async (t) => {
    const { dir, io } = setup(t);
    await assert.rejects(
      routeReport(route({ output: toFile('missing/dir/out.txt') }), io),
      (error: unknown) => error instanceof UsageError && error.message.includes(path.join(dir, 'missing/dir/out.txt')) && error.fix === 'pick another path',
    );
  });

  it('in GitHub Actions, text gets annotations on top and the job summary', async (t) => {
    const { dir, io, stdout } = setup(t, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '' });
    io.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary.md');
    await routeReport(route({}), io);
    assert.equal(stdout(), 'THE REPORT\n::error::A\n');
    assert.equal(fs.readFileSync(path.join(dir, 'summary.md'), 'utf8'), '## summary\n');
  });

  it('in GitHub Actions, json on stdout stays clean: no annotations, no summary', async (t) => {
    const { dir, io, stdout } = setup(t, { GITHUB_ACTIONS: 'true' });
    io.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary.md');
    await routeReport(route({ format: 'json', render: () => '{}\n' }), io);
    assert.equal(stdout(), '{}\n');
    assert.ok(!fs.existsSync(path.join(dir, 'summary.md')));
  });

  it('the github format is the annotations themselves, once, plus the summary', async (t) => {
    const { dir, io, stdout } = setup(t, { GITHUB_ACTIONS: 'true' });
    io.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary.md');
    await routeReport(route({ format: 'github', render: () => '::warning::B\n' }), io);
    assert.equal(stdout(), '::warning::B\n');
    assert.equal(fs.readFileSync(path.join(dir, 'summary.md'), 'utf8'), '## summary\n');
  });

  it('in GitHub Actions, a report written to a file still annotates the diff', async (t) => {
    const { dir, io, stdout } = setup(t, { GITHUB_ACTIONS: 'true' });
    await routeReport(route({ format: 'sarif', render: () => 'SARIF', output: toFile('out.sarif', () => ({ stream: 'stdout', text: 'READABLE\n' })) }), io);
    assert.equal(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8'), 'SARIF');
    assert.equal(stdout(), 'READABLE\n::error::A\n');
  });

  it('a command without GitHub extras (audit, run) gets none in GitHub Actions', async (t) => {
    const { io, stdout } = setup(t, { GITHUB_ACTIONS: 'true' });
    await routeReport(route({ github: undefined }), io);
    assert.equal(stdout(), 'THE REPORT\n');
  });
});
