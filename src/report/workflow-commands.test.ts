import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guardWorkflowCommands, neutralise, neutraliseEscapes, writeWorkflowCommands } from './workflow-commands.js';

describe('neutralise', () => {
  it('breaks every workflow command at a line start, after LF, CR or CRLF and leading whitespace', () => {
    const text = '::notice::a\n  ::stop-commands::tok\r::add-mask::x\r\n\t##[set-env name=A;]1\nkeep ::error:: mid-line\n';
    const out = neutralise(text);
    for (const line of out.split(/\r\n|\r|\n/)) assert.doesNotMatch(line.trimStart(), /^(::|##\[)/, line);
    assert.match(out, /keep ::error:: mid-line/);
    assert.equal(out.replace(/\u200b/g, ''), text, 'only a zero-width space is added');
  });

  it('leaves the start of a chunk alone when it continues a line', () => {
    assert.equal(neutralise('::x', false), '::x');
    assert.equal(neutralise('a\n::x', false), 'a\n:\u200b:x');
  });
});

describe('guardWorkflowCommands', () => {
  const sink = () => {
    const chunks: string[] = [];
    return { chunks, write: (text: string) => chunks.push(text) };
  };

  it('in GitHub Actions guards stdout and stderr across writes, and lets our annotations through', () => {
    const stdout = sink();
    const stderr = sink();
    const io = guardWorkflowCommands({ cwd: '/', env: { GITHUB_ACTIONS: 'true' }, stdout, stderr });
    io.stdout.write('file ');
    io.stdout.write('::notice::not at a line start\n');
    io.stdout.write('::notice::at one\n');
    writeWorkflowCommands(io.stdout, '::error title=mcflow-hooks secrets::found%0Aline\n');
    io.stderr.write('::warning::x\n');
    assert.deepEqual(stdout.chunks, ['file ', '::notice::not at a line start\n', ':\u200b:notice::at one\n', '::error title=mcflow-hooks secrets::found%0Aline\n']);
    assert.deepEqual(stderr.chunks, [':\u200b:warning::x\n']);
  });

  it('changes nothing elsewhere, and touches no stream until it is used', () => {
    const io = { cwd: '/', env: {}, stdout: sink(), stderr: sink() };
    assert.equal(guardWorkflowCommands(io), io);
    let touched = false;
    const lazy = guardWorkflowCommands({
      cwd: '/',
      env: { GITHUB_ACTIONS: 'true' },
      get stdout() {
        touched = true;
        return sink();
      },
      stderr: sink(),
    });
    assert.equal(touched, false);
    lazy.stdout.write('x');
    assert.equal(touched, true);
  });

  it('shows escapes other than colours as text and breaks GitLab section markers', () => {
    const esc = '\u001b';
    assert.equal(neutraliseEscapes(`${esc}[31mred${esc}[39m`), `${esc}[31mred${esc}[39m`, 'our colours stay');
    assert.equal(neutraliseEscapes(`${esc}[0Ksection_start:1:x\r${esc}[0Kh`), '\\u001b[0Ksection_\u200bstart:1:x\r\\u001b[0Kh');
    assert.equal(neutraliseEscapes(`a${esc}]8;;u${esc}\\b \u009b2J section_end:2:x`), 'a\\u001b]8;;u\\u001b\\b \\u009b2J section_\u200bend:2:x');
    const out: string[] = [];
    const gitlab = guardWorkflowCommands({ env: { GITLAB_CI: 'true' }, stdout: { write: (text: string) => out.push(text) }, stderr: { write: () => true } });
    gitlab.stdout.write(`x ${esc}[2J\n`);
    assert.deepEqual(out, ['x \\u001b[2J\n']);
  });
});
