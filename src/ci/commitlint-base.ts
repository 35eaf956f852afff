/**
 * The commitlint config `verify` lints with: the target branch's (the commit before a push),
 * never the checkout's. A commitlint config is code (`commitlint.config.js`, an `ignores`
 * function) and it decides what a valid commit message is, so one the change adds or edits
 * would otherwise run inside verify and relax the rules that judge that very change.
 *
 * The files are read from the commits with the tree reader (src/git/tree.ts) and compared: a
 * change that adds, edits, removes or replaces the config (a file of higher precedence) is
 * listed by policy-change and its version is never loaded. The target's version is written to
 * a fresh directory inside the installed node_modules (so the packages it `extends` resolve as
 * they would beside it), loaded, and the directory removed: the work tree is not touched. When
 * the target has none, the preset's rules apply.
 *
 * Hooks still read the work tree (src/commitlint/setup.ts): there the author is the user.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { McflowConfig } from '../config/types.js';
import { DEFAULTS } from '../config/defaults.js';
import { parsePackageJson } from '../config/at-commit.js';
import { findLocalFile, isRegularFile, MAX_LOCAL_FILES, missingLocalFile, withoutJitiCache } from '../config/commit-files.js';
import { assembleLintSetup, COMMITLINT_FILES, loadCommitlintConfig, type LintSetup } from '../commitlint/setup.js';
import { ConfigError, isMcflowError } from '../errors.js';
import { listTreeEntries, readBlob, type TreeEntry } from '../git/tree.js';
import type { Repository } from '../git/repo.js';
import { messages } from '../messages.js';
import type { CommitlintConfigChange } from '../types.js';

/** A commitlint config as a commit records it. */
export interface CommitlintAtCommit {
  /** The file, relative to the top of the work tree (`package.json` for its `commitlint` key). */
  file: string;
  entry: TreeEntry;
  /** For package.json: the `commitlint` value, as JSON (the rest of the manifest changes all the time). */
  value?: string;
  /** The commit's package.json `type`: whether a `.js` config is an ES module. */
  moduleType?: string;
}

export interface CommitlintPlan {
  /** How the change moves the config away from the target's; undefined when it does not. */
  change?: CommitlintConfigChange;
  /** The rules to lint with (loaded once, on first use). */
  setup: () => Promise<LintSetup>;
}

/**
 * Compares the commitlint config at `base` and `head` and says what to lint with. `base` is
 * undefined when there is no commit to read it from (a first push): nothing the change brings
 * is run then either.
 */
export function planCommitlint(repo: Repository, config: Pick<McflowConfig, 'commits'>, base: string | undefined, head: string): CommitlintPlan {
  if (!(config.commits?.useCommitlintConfig ?? DEFAULTS.useCommitlintConfig)) return { setup: once(() => assembleLintSetup(config, undefined)) };
  const atBase = base ? findCommitlintAtCommit(repo, base) : undefined;
  const atHead = findCommitlintAtCommit(repo, head);
  if (atBase && !isRegularFile(atBase.entry)) throw new ConfigError(messages.policy.symlinkAtCommit(atBase.file, base!), messages.policy.symlinkFix);
  const setup = once(async () => (atBase ? assembleLintSetup(config, await loadAtCommit(repo, base!, atBase), atBase.file) : assembleLintSetup(config, undefined)));
  const change = compare(atBase, atHead);
  return change ? { change, setup } : { setup };
}

function compare(base: CommitlintAtCommit | undefined, head: CommitlintAtCommit | undefined): CommitlintConfigChange | undefined {
  if (!base) return head ? { file: head.file, kind: 'added' } : undefined;
  if (!head) return { file: base.file, kind: 'removed', previous: base.file };
  if (head.file !== base.file) return { file: head.file, kind: 'replaced', previous: base.file };
  const same = head.file === 'package.json' ? head.value === base.value : head.entry.object === base.entry.object && head.entry.mode === base.entry.mode;
  return same ? undefined : { file: head.file, kind: 'edited', previous: base.file };
}

/** The commitlint config `commit` has at its top, in commitlint's order of precedence (src/commitlint/setup.ts). */
export function findCommitlintAtCommit(repo: Repository, commit: string): CommitlintAtCommit | undefined {
  const entries = listTreeEntries(repo, commit, [...COMMITLINT_FILES, 'package.json']);
  const manifestEntry = entries.get('package.json');
  const manifest = manifestEntry && isRegularFile(manifestEntry) ? parsePackageJson(readBlob(repo, manifestEntry.object).toString('utf8')) : undefined;
  const moduleType = typeof manifest?.type === 'string' ? manifest.type : undefined;
  for (const file of COMMITLINT_FILES) {
    const entry = entries.get(file);
    if (entry) return { file, entry, ...(moduleType ? { moduleType } : {}) };
  }
  if (manifestEntry && manifest?.commitlint) return { file: 'package.json', entry: manifestEntry, value: JSON.stringify(manifest.commitlint), ...(moduleType ? { moduleType } : {}) };
  return undefined;
}

/**
 * Loads the commit's commitlint config from a directory of its own: `<root>/node_modules/
 * .mcflow-commitlint-XXXXXX/` (a fresh name, so Node's module cache cannot hand back another
 * version), whose parent node_modules is where its `extends`, plugins and parser presets
 * resolve. Its own package.json carries the commit's module `type` (Node looks for one no
 * further up than node_modules). A local file the config imports (`./commit-rules.js`) would be
 * the checkout's there, that is the change's: each one the load misses is read from the commit
 * instead and the load starts over in a new directory (a failed ES import stays cached per
 * path), so the commit's files and installed packages are all it sees.
 */
async function loadAtCommit(repo: Repository, commit: string, found: CommitlintAtCommit) {
  const modules = path.join(repo.root, 'node_modules');
  // A real directory only: a node_modules the change commits as a link could point anywhere.
  const parent = fs.lstatSync(modules, { throwIfNoEntry: false })?.isDirectory() ? modules : os.tmpdir();
  const where = `${found.file} at ${commit.slice(0, 12)}`;
  const name = path.posix.basename(found.file);
  const manifest = { private: true, ...(found.moduleType ? { type: found.moduleType } : {}), ...(found.value ? { commitlint: JSON.parse(found.value) as unknown } : {}) };
  /** What the temporary directory holds, by posix path: the commit's files. */
  const files = new Map<string, Buffer>([['package.json', Buffer.from(`${JSON.stringify(manifest)}\n`)]]);
  if (name !== 'package.json') files.set(name, readBlob(repo, found.entry.object));
  for (let attempt = 0; ; attempt++) {
    let dir: string;
    try {
      dir = fs.mkdtempSync(path.join(parent, '.mcflow-commitlint-'));
    } catch (error) {
      throw new ConfigError(messages.commitlintBase.unwritable(where, parent, (error as Error).message), messages.commitlintBase.unwritableFix);
    }
    const file = path.join(dir, name);
    try {
      for (const [relative, content] of files) {
        fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
        fs.writeFileSync(path.join(dir, relative), content);
      }
      return await withoutJitiCache(() => loadCommitlintConfig(file, repo.root));
    } catch (error) {
      if (!isMcflowError(error)) throw error;
      const wanted = missingLocalFile(error.message, dir);
      const next = wanted !== undefined && attempt < MAX_LOCAL_FILES ? findLocalFile(repo, commit, wanted, files) : undefined;
      if (next) {
        files.set(next.file, next.content);
        continue;
      }
      // Name the file as the team knows it, not the temporary copy; Node's "did you mean" points into the checkout.
      const rename = (text: string) =>
        text.split(file).join(where).split(`${dir}${path.sep}`).join('').split(dir).join(where).split('\n').filter((line) => !/^\s*Did you mean to import/.test(line)).join('\n');
      if (wanted === undefined) throw new ConfigError(rename(error.message), error.fix && rename(error.fix));
      throw new ConfigError(`${rename(error.message)}\n${messages.commitlintBase.localImport(wanted, commit)}`, messages.commitlintBase.localImportFix(found.file));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}
