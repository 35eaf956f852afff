/** Helpers for tests of `init`, `doctor` and `uninstall` in real temp repositories. */
import fs from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { CLI, createRepo, PACKAGE_ROOT, repoFromTemplate, type TestRepo } from './repo.js';

export const PACKAGE_JSON = '{\n  "name": "app",\n  "version": "1.0.0",\n  "scripts": {\n    "test": "node --test"\n  }\n}\n';

/** A repository with a committed package.json (and an optional bare origin), ready for init. */
export function packageRepo(t: TestContext, options: { origin?: boolean; packageDir?: string } = {}): TestRepo & { origin?: string } {
  // Built once per file for each set of options (repoFromTemplate), copied for each test.
  return repoFromTemplate(t, `package repo ${options.origin === true} ${options.packageDir ?? '.'}`, (fileScope) => {
    const repo = createRepo(fileScope, { origin: options.origin });
    repo.write(path.join(options.packageDir ?? '.', 'package.json'), PACKAGE_JSON);
    repo.write('.gitignore', 'node_modules/\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: initial commit');
    return repo;
  });
}

/**
 * What `npm install` would leave after `init --no-install`: the CLI in node_modules/.bin (where
 * husky's PATH finds it) and husky in node_modules. Links, not copies: the built checkout runs.
 */
export function linkInstalledPackages(repo: TestRepo, packageDir = '.'): void {
  const modules = path.join(repo.dir, packageDir, 'node_modules');
  fs.mkdirSync(path.join(modules, '.bin'), { recursive: true });
  fs.writeFileSync(path.join(modules, '.bin', 'mcflow-hooks'), `#!/bin/sh\nexec node "${CLI}" "$@"\n`, { mode: 0o755 });
  fs.symlinkSync(path.join(PACKAGE_ROOT, 'node_modules', 'husky'), path.join(modules, 'husky'));
  fs.symlinkSync(PACKAGE_ROOT, path.join(modules, 'mcflow-hooks'));
}

/** Every file under `dir` with its content (except .git and node_modules), to compare before and after. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    const relative = path.relative(dir, full);
    if (relative.split(path.sep).some((part) => part === '.git' || part === 'node_modules')) continue;
    if (entry.isFile()) files[relative] = fs.readFileSync(full, 'utf8');
  }
  return files;
}
