/**
 * Package-manager installs in the end-to-end tests. An install that hangs (a registry that
 * stops answering, a proxy that swallows requests) must fail its test with the reason, not be
 * skipped: a skip reads as "fine here" and hid, once, pnpm waiting for minutes.
 */
import type { RunResult } from './repo.js';

/**
 * How long an install may run before it counts as hung. Not a speed assertion: installs take
 * seconds to a minute on a loaded machine; this bound only stops a wait that never ends.
 */
export const INSTALL_BOUND_MS = 5 * 60 * 1000;

/**
 * npm and pnpm (which reads npm_config_*) give up on a registry that stops answering and exit
 * with their own network error, long before the bound; yarn 1 does so by default (30 s).
 */
export const NETWORK_TIMEOUTS: NodeJS.ProcessEnv = { npm_config_fetch_timeout: '60000', npm_config_fetch_retries: '2' };

/** Why an install hung, with the last lines it printed, for the failing test's message. */
export function hangReason(manager: string, result: RunResult): string {
  const tail = result.output.trim().split('\n').slice(-5).join('\n') || '(no output)';
  return `${manager} hung: its install had not finished after ${INSTALL_BOUND_MS / 60000} minutes (registry or proxy not answering). Last output:\n${tail}`;
}
