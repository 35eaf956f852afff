/**
 * User text (branch names, file names, commit subjects, messages that quote them) inside the
 * Markdown we write: `GITHUB_STEP_SUMMARY`, `audit --format markdown`. A pull request author
 * chooses that text, so it must render as the text it is: never an image (`![x](https://…)` in a
 * branch name would load a tracking pixel in every viewer's browser), a link, HTML, emphasis
 * that hides the rest, or a new table cell. Only the characters that can start such markup are
 * escaped, so the source stays readable.
 */

/** Plain text for a table cell or a list item: one line, markup characters backslash-escaped. */
export function markdownText(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]<>!|~&]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `\\${ch}`));
}

/**
 * Inline code that survives backticks in the text (the fence is longer than any run inside it)
 * and stays in its table cell (GitHub splits cells on `|` even inside code spans).
 */
export function markdownCode(text: string, { inTable = true } = {}): string {
  const flat = text.replace(/\r?\n|\r/g, ' ');
  // Outside a table a backslash inside a code span would show: only a cell needs `\|`.
  const oneLine = inTable ? flat.replace(/\|/g, '\\|') : flat;
  const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 || oneLine.startsWith(' ') || oneLine.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}
