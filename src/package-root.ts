import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The installed package's directory (where `presets/`, `hooks/` and `package.json` live).
 * Found by walking up from this module, because the bundled CLI (`dist/`) and the test build
 * sit at different depths.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && fs.existsSync(path.join(dir, 'presets'))) return (cached = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('mcflow-hooks: cannot find its own package directory');
    dir = parent;
  }
}
