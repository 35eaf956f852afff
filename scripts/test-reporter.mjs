// The compact node:test reporter `npm test` uses off a terminal (CI logs, pipes): nothing while
// tests pass; each failure in full (where, the error, its diff); then one closing line,
// `tests: N passed, N failed[, N skipped]`, which CI harnesses read as the result. On a terminal
// `npm test` keeps node's own spec reporter; `npm test -- --tap` gives TAP anywhere.
import { inspect } from 'node:util';
import path from 'node:path';

export default async function* compactReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  /** Per file, the names of the tests currently open at each nesting level: a failure's path. */
  const open = new Map();
  const failures = [];
  /** Per file, the last lines it wrote to stderr: when the file itself fails (an import that throws, a crash), they are the only clue. */
  const stderr = new Map();
  for await (const event of source) {
    const data = event.data ?? {};
    const file = data.file ? path.relative(process.cwd(), data.file) : '';
    if (event.type === 'test:start') {
      const stack = open.get(file) ?? [];
      stack.length = data.nesting;
      stack.push(data.name);
      open.set(file, stack);
    } else if (event.type === 'test:pass' || event.type === 'test:fail') {
      // Suites report too; only tests count (a failed suite's failures are its tests').
      if (data.details?.type === 'suite') continue;
      if (data.skip !== undefined || data.todo !== undefined) skipped++;
      else if (event.type === 'test:pass') passed++;
      else {
        failed++;
        const names = [...(open.get(file) ?? []).slice(0, data.nesting), data.name];
        const error = data.details?.error;
        const shown = error?.cause ?? error;
        // Node's own frames (the test runner, promises) say nothing about the failure.
        const detail = inspect(shown, { depth: 4, colors: false }).split('\n').filter((line) => line.endsWith('{') || (!/^\s+at .*(\(node:|\bnode:internal)/.test(line) && !/^\s+at (new Promise|Array\.map|async Promise\.all)/.test(line))).join('\n');
        // A failure named by its file (absolute on Node 20, relative on 22+) is the file's own: what it
        // printed is the reason, not 'test failed'.
        const own = data.file && path.resolve(data.name) === path.resolve(data.file) ? (stderr.get(file) ?? []).join('') : '';
        failures.push(`✖ ${file ? `${file} › ` : ''}${names.join(' › ')}\n${indent(own ? own.trimEnd() : detail)}\n`);
        // Each failure as soon as it is known: a long run still shows progress where it matters.
        yield `${failures[failures.length - 1]}\n`;
      }
    } else if (event.type === 'test:stderr' && data.message) {
      const lines = stderr.get(file) ?? [];
      lines.push(data.message);
      stderr.set(file, lines.slice(-40));
    }
  }
  yield `tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`;
}

function indent(text) {
  return text.replace(/^/gm, '    ');
}
