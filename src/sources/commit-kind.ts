/**
 * Whether the commit being made amends HEAD (`git commit --amend`, or a `reword` in
 * `rebase -i`, which git carries out as an amend). commit-msg is not told; prepare-commit-msg
 * is (source "commit", object "HEAD"), so that hook leaves a note in the git dir for the next
 * one. The fix for a refused message depends on it: `git commit --edit` after a refused amend
 * answers "nothing to commit". The note lives in the git dir, never in the index or work tree.
 */
import fs from 'node:fs';
import path from 'node:path';

/** hooks/prepare-commit-msg removes it by this name too, without starting Node. */
const NOTE = 'mcflow-hooks-amending';

/** Called from prepare-commit-msg with git's $2 and $3; every commit rewrites or removes the note. */
export function recordCommitKind(gitDir: string, source: string | undefined, object: string | undefined): void {
  const file = path.join(gitDir, NOTE);
  try {
    if (source === 'commit' && object === 'HEAD') fs.writeFileSync(file, '');
    else fs.rmSync(file, { force: true });
  } catch {
    // A read-only git dir: the fix falls back to the plain form, the commit goes on.
  }
}

export function isAmending(gitDir: string): boolean {
  return fs.existsSync(path.join(gitDir, NOTE)) || amendInCommandLine();
}

/**
 * `git commit --amend -m …` tells prepare-commit-msg only "message". On Linux the command line
 * of the `git commit` that runs the hook is in /proc: a few small file reads up the process
 * tree (husky's runner and its shells sit between). Elsewhere the note above is all there is.
 */
function amendInCommandLine(): boolean {
  if (process.platform !== 'linux') return false;
  let pid = process.ppid;
  for (let depth = 0; depth < 8 && pid > 1; depth++) {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (/(^|\/)git$/.test(args[0] ?? '') && args.includes('commit')) return args.includes('--amend');
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ")".
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return false;
    }
  }
  return false;
}
