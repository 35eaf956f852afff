// @commitlint/lint takes node:util's default export for util.inspect, in its messages about an
// invalid rule config. A default import of a Node builtin makes the bundle copy every property
// of `util` when it loads, and on Node 22+ that starts util.diff's machinery at every
// commit-msg hook, which also prints a warning when FORCE_COLOR and NO_COLOR are both set.
// inspect is all it uses, and only on an invalid config: loaded when first called.
exports.inspect = (...args) => require('node:util').inspect(...args);
