/**
 * GitHub Actions runs any line of a step's output that starts (after whitespace) with `::` as a
 * workflow command (`::add-mask::`, `::stop-commands::`, `::notice …`), and `##[…]` as a legacy
 * one. A file name, branch name or message holding a newline and `::notice …` would be run
 * when a report prints it. In Actions every line we print goes through {@link neutralise};
 * the annotations we mean to emit go through {@link writeWorkflowCommands}, which alone
 * bypasses it (their data is escaped by report/github.ts).
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 *
 * GitLab CI folds the job log at `section_start:<time>:<name>…\r ESC[0K` and `section_end:…`
 * (https://docs.gitlab.com/ci/jobs/job_logs/#custom-collapsible-sections): a commit message
 * that prints one folds away (hides) the lines after it, and any escape sequence can erase or
 * rewrite lines, set a link, or change the terminal. In CI (GitHub Actions and GitLab) every
 * line we print also goes through {@link neutraliseEscapes}: escapes other than colours are
 * shown as `\u001b`, and the section markers are broken with a zero-width space.
 */

/** A line break for the runner: it splits output at LF, CR and CRLF. */
const LINE_START = /(^|[\r\n])(\s*)(::|##\[)/g;

/** Breaks every workflow command at a line start: `::` → `:\u200b:`, `##[` → `#\u200b#[`. */
export function neutralise(text: string, atLineStart = true): string {
  return text.replace(LINE_START, (match, brk: string, space: string, command: string, offset: number) => {
    if (offset === 0 && brk === '' && !atLineStart) return match;
    return `${brk}${space}${command[0]}\u200b${command.slice(1)}`;
  });
}

/** ESC (7-bit) or CSI (8-bit) that does not start a colour (SGR) sequence; GitLab's section markers. */
const UNSAFE = /\u001b(?!\[[0-9;]*m)|\u009b|\u009d|(section_)(start|end)(?=:)/g;

/** Shows escape sequences other than colours as text (`\u001b[2J`), and breaks `section_start:`/`section_end:`. */
export function neutraliseEscapes(text: string): string {
  return text.replace(UNSAFE, (match, prefix: string | undefined, kind: string | undefined) =>
    prefix ? `${prefix}\u200b${kind}` : `\\u${match.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

interface Writable {
  write(text: string): unknown;
  isTTY?: boolean;
}

const RAW = Symbol.for('mcflow-hooks.writeWorkflowCommands');

/** A stream whose every line is neutralised, keeping a raw channel for our own commands. */
function guard<T extends Writable>(stream: T): T {
  let atLineStart = true;
  const write = (text: string) => {
    const safe = neutralise(neutraliseEscapes(String(text)), atLineStart);
    if (safe.length > 0) atLineStart = /[\r\n]$/.test(safe);
    return stream.write(safe);
  };
  const raw = (text: string) => {
    if (text.length > 0) atLineStart = /[\r\n]$/.test(text);
    return stream.write(text);
  };
  return new Proxy(stream, {
    get(target, key) {
      if (key === 'write') return write;
      if (key === RAW) return raw;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** In GitHub Actions and GitLab CI, stdout and stderr that cannot start a workflow command, fold the log or hold an escape sequence; elsewhere as they are. */
export function guardWorkflowCommands<T extends { env: NodeJS.ProcessEnv; stdout: Writable; stderr: Writable }>(io: T): T {
  if (io.env.GITHUB_ACTIONS !== 'true' && io.env.GITLAB_CI !== 'true') return io;
  // Copies the getters, not their values: the bin's streams are set up only when touched.
  const guarded = Object.defineProperties({}, Object.getOwnPropertyDescriptors(io)) as T;
  let stdout: Writable | undefined;
  let stderr: Writable | undefined;
  return Object.defineProperties(guarded, {
    stdout: { get: () => (stdout ??= guard(io.stdout)), enumerable: true },
    stderr: { get: () => (stderr ??= guard(io.stderr)), enumerable: true },
  });
}

/** Writes workflow commands we mean (annotations), past the guard. */
export function writeWorkflowCommands(stream: Writable, text: string): void {
  const raw = (stream as Writable & { [RAW]?: (text: string) => unknown })[RAW];
  if (raw) raw(text);
  else stream.write(text);
}
