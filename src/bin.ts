#!/usr/bin/env node
// The executable: hands the process to `main` and sets the exit code it returns.
import module from 'node:module';
import { main } from './cli.js';

// Node 22.1+ can cache compiled code between runs, as tsc and other CLIs do; Node 20 has no such API.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

let stdoutReady = false;

void main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  // Getters, so a hook that prints nothing never sets up the stdio streams.
  get stdout() {
    if (!stdoutReady) {
      stdoutReady = true;
      // `mcflow-hooks … | head` closes the pipe early: not an error worth a stack trace.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw error;
      });
    }
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  get stdin() {
    return process.stdin;
  },
}).then((code) => {
  process.exitCode = code;
});
