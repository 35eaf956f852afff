// This repository's own commit rules: Conventional Commits, exactly as the gitflow preset
// enforces them for our users. `.husky/commit-msg` lints with this file through mcflow-hooks.
export default {
  extends: ['@commitlint/config-conventional'],
};
