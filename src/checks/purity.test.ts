// Checks are pure: a function of a Change and the resolved config. This holds every check module
// (and every module of ours it reaches) to that: no file system, no processes, nothing under
// src/git/. What a check needs from git comes through a source; what it needs from the config
// (the commitlint setup) through the engine. registry.ts is the list of checks, not a check.
// The other layer rules of ARCHITECTURE.md are held here too: commands never import the CLI,
// sources never reach into a check or into another hook's source.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// Tests run from .build/src/checks/; the sources are read from src/.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const src = path.join(root, 'src');
const FORBIDDEN_BUILTINS = /^(node:)?(fs|fs\/promises|child_process)$/;
const NOT_CHECKS = new Set(['registry.ts']);

/** The modules a file imports at run time: static and dynamic imports, require() and getBuiltinModule(); `import type` is erased and does not count. */
export function runtimeImports(text: string): string[] {
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    if (!match[1]) specifiers.push(match[2]!);
  }
  for (const match of text.matchAll(/(?<!typeof\s)\b(?:import|require|getBuiltinModule)\(\s*['"]([^'"]+)['"]\s*\)/g)) specifiers.push(match[1]!);
  return specifiers;
}

function checkModules(): string[] {
  return fs
    .readdirSync(path.join(src, 'checks'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !/\.(test|fixtures)\.ts$/.test(file) && !NOT_CHECKS.has(file))
    .map((file) => path.join(src, 'checks', file));
}

/** Every forbidden import reachable from `start`, as `chain → import`. */
function impurities(start: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const here = [...chain, path.relative(src, file)];
    for (const specifier of runtimeImports(fs.readFileSync(file, 'utf8'))) {
      if (FORBIDDEN_BUILTINS.test(specifier)) {
        found.push(`${here.join(' → ')} imports ${specifier}`);
        continue;
      }
      if (!specifier.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'));
      if (target.startsWith(path.join(src, 'git') + path.sep)) {
        found.push(`${here.join(' → ')} imports ${path.relative(src, target)}`);
        continue;
      }
      if (fs.existsSync(target)) visit(target, here);
    }
  };
  visit(start, []);
  return found;
}

describe('checks are pure', () => {
  it('finds the check modules', () => {
    const names = checkModules().map((file) => path.relative(src, file));
    assert.ok(names.includes(path.join('checks', 'commit-message.ts')) && names.includes(path.join('checks', 'secret-rules', 'index.ts')), names.join(', '));
  });

  it('no check reaches node:fs, node:child_process or src/git/', () => {
    const found = checkModules().flatMap(impurities);
    assert.deepEqual([...new Set(found)], []);
  });

  it('sees every kind of import the rule is about', () => {
    const text = [
      "import fs from 'node:fs';",
      "import { x } from '../git/exec.js';",
      "export { y } from './z.js';",
      "import type { T } from '../commitlint/setup.js';",
      "const cp = await import('node:child_process');",
      "const g = require('fs');",
      "process.getBuiltinModule('node:fs');",
      "type M = typeof import('../config/glob.js');",
    ].join('\n');
    assert.deepEqual(runtimeImports(text).sort(), ['../git/exec.js', './z.js', 'fs', 'node:child_process', 'node:fs', 'node:fs'].sort());
  });
});

/** The relative imports of each .ts file directly in `dir` (tests left out), resolved to paths under src/. */
function importsIn(dir: string): { file: string; target: string }[] {
  return fs
    .readdirSync(path.join(src, dir))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .flatMap((name) => {
      const file = path.join(src, dir, name);
      return runtimeImports(fs.readFileSync(file, 'utf8'))
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => ({ file: path.relative(src, file), target: path.relative(src, path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'))) }));
    });
}

describe('layers', () => {
  it('commands do not import cli.ts (what they share with it is in command.ts)', () => {
    const imports = importsIn('commands');
    assert.ok(imports.some(({ target }) => target === 'command.ts'), 'the scan sees the commands\' imports');
    assert.deepEqual(imports.filter(({ target }) => target === 'cli.ts'), []);
  });

  it('a source imports no check and no other hook\'s source (shared logic lives in neutral modules)', () => {
    const imports = importsIn('sources');
    assert.ok(imports.some(({ target }) => target.startsWith(`git${path.sep}`)), 'the scan sees the sources\' imports');
    const entryPoints = new Set(['pre-commit.ts', 'pre-merge-commit.ts', 'commit-msg.ts', 'post-checkout.ts', 'pre-push.ts', 'range.ts'].map((name) => path.join('sources', name)));
    const crossing = imports.filter(({ target }) => target.startsWith(`checks${path.sep}`) || entryPoints.has(target));
    assert.deepEqual(crossing, []);
  });
});
