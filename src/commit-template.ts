/**
 * The commit template the prepare-commit-msg hook pre-fills: a Conventional Commits skeleton
 * whose type comes from the branch, with an issue reference when the branch names one.
 *   feature/issue-123-login  →  "feat: \n\nRefs: #123"
 * Pure functions: the hook reads and writes the message file, these decide the text.
 */

/** The commit type a branch's work usually is: feature/ → feat, bugfix/ and hotfix/ → fix. */
export function typeForBranch(branch: string | undefined): string {
  const prefix = branch?.split('/')[0] ?? '';
  if (prefix === 'feature' || prefix === 'feat') return 'feat';
  if (['bugfix', 'hotfix', 'fix'].includes(prefix)) return 'fix';
  if (prefix === 'release') return 'chore';
  if (/^(docs|chore|refactor|perf|test|build|ci|revert|style)$/.test(prefix)) return prefix;
  return 'feat';
}

/** The issue number a branch names: `feature/issue-123-login`, `bugfix/issue-7`, `fix/gh-42-typo`, `feature/123-x`. */
export function issueForBranch(branch: string | undefined): string | undefined {
  const rest = branch?.split('/').slice(1).join('/') ?? '';
  return /^(?:issue-|gh-|#)?(\d+)(?:\b|-)/i.exec(rest)?.[1] ?? /(?:^|[-_/])issue-(\d+)\b/i.exec(rest)?.[1];
}

export function commitSkeleton(branch: string | undefined, commentChar = '#'): string {
  const issue = issueForBranch(branch);
  const c = commentChar;
  return [
    `${typeForBranch(branch)}: `,
    '',
    ...(issue ? [`Refs: #${issue}`, ''] : []),
    `${c} <type>(<scope>): <what changes, imperative, lower case>   (mcflow-hooks template)`,
    `${c} types: feat fix docs style refactor perf test build ci chore revert; "!" after the type or a`,
    `${c} "BREAKING CHANGE:" footer marks a breaking change. The commit-msg hook checks the result.`,
  ].join('\n');
}

/**
 * True when git is about to open the editor on a message with nothing of the user's in it:
 * only comment lines and blank lines (git's own status help text) above any scissors line.
 */
export function isEmptyMessage(raw: string, commentChar = '#'): boolean {
  const lines = raw.split('\n');
  // `git commit -v` appends the diff below a scissors line; it is not part of the message.
  const scissors = lines.findIndex((line) => line === `${commentChar} ------------------------ >8 ------------------------`);
  return (scissors >= 0 ? lines.slice(0, scissors) : lines).every((line) => line.trim() === '' || line.startsWith(commentChar));
}
