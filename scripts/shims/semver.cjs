// Build-time stand-in for `semver` inside the bundled CLI. Its only user on the hook path is
// @commitlint/is-ignored, which calls `semver.valid`; the full package builds every range and
// comparator at load (~1.5 ms of a ~33 ms commit-msg hook, measured with --cpu-prof), while
// `semver/functions/valid` loads only the parser. Same code, same results.
module.exports = { valid: require('semver/functions/valid.js') };
