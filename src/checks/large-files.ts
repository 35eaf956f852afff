/**
 * large-files: blobs over `files.maxSize` (default 5 MB) are refused; such files belong in Git
 * LFS or outside the repository. Sizes come from git's object database, so nothing is read.
 *
 * Why: every clone downloads every version of a large file forever, and history cannot shed
 * it without a rewrite.
 *
 * Config: `files.maxSize` (bytes, or "10 MB"), `files.allowLarge` path globs.
 *   { "files": { "maxSize": "10 MB", "allowLarge": ["assets/videos/**"] } }
 */
import { compileMatcher } from '../config/glob.js';
import { messages } from '../messages.js';
import type { Check } from './check.js';
import { formatSize, maxFileSize } from './large-files.size.js';

const text = messages.largeFiles;

export const largeFiles: Check = {
  id: 'large-files',
  why: text.why,
  run(change, context) {
    const limit = maxFileSize(context.config);
    const allowed = compileMatcher(context.config.files?.allowLarge ?? []);
    return (change.files ?? [])
      .filter((file) => file.size !== undefined && file.size > limit && !allowed(file.path))
      .map((file) => ({
        message: text.found(file.path, formatSize(file.size!), formatSize(limit)),
        file: file.path,
        ...(file.commit ? { commit: file.commit } : {}),
        fix: text.fix(context.stage, file.path, file.commit),
      }));
  },
};
