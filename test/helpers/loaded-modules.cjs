// Preloaded with `node --require` by tests that assert what a command does NOT load: at exit,
// writes every CommonJS module file the process loaded (our bundles and vendored bundles are
// CommonJS, and import() of CommonJS goes through the same cache) to MCFLOW_TEST_LOADED.
const fs = require('node:fs');
process.on('exit', () => {
  fs.writeFileSync(process.env.MCFLOW_TEST_LOADED, Object.keys(require.cache).join('\n'));
});
