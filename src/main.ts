// The program the executable (bin.ts) loads: hands the process to `main` and sets the exit code it returns.
import { main } from './cli.js';

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
