// Build-time stand-in for `node:child_process` inside @commitlint/rules' trailer-exists rule,
// which imports it at load although it runs git only when that rule is enabled (it is not in
// config-conventional). Loading child_process (and the net and dgram modules behind it) costs
// ~3 ms of a ~35 ms commit-msg hook (measured with --cpu-prof); this loads it on first call.
module.exports = {
  spawnSync: (...args) => require('node:child_process').spawnSync(...args),
};
