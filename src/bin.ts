#!/usr/bin/env node
/**
 * The executable, dist/cli.cjs: small on purpose. It turns on the compiled-code cache before the
 * program (dist/main.cjs, from main.ts) is loaded, so that the program itself is compiled from
 * the cache too, then loads it.
 */
import { Module } from 'node:module';
import { codeCacheDir, useCodeCache } from './code-cache.js';

// `require('node:module')` is the Module class: its statics are the module's exports.
const enableCompileCache = (Module as { enableCompileCache?: () => unknown }).enableCompileCache;
if (enableCompileCache) {
  // Node 22.1+ caches compiled code itself, as tsc and other CLIs use it.
  enableCompileCache();
} else if (process.argv[2] === 'run' && !process.env.MCFLOW_NO_CODE_CACHE) {
  // Node 20: our own, for the hooks only (code-cache.ts says why).
  const hook = process.argv[3] ?? '';
  useCodeCache({ distDir: __dirname, cacheDir: codeCacheDir(__dirname), build: __MCFLOW_BUILD__, variant: /^[a-z-]{1,40}$/.test(hook) ? hook : 'other' });
}
require('./main.cjs');
