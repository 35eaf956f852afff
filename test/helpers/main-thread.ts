/**
 * The thread test/helpers/repo.ts runs `main(argv, io)` on (runMain): a worker of the test
 * process, with the same environment (SHARE_ENV) and the same built modules. Not the test's own
 * thread, because node:test watches every async resource there (an async hook with a destroy
 * callback, to pin an error on the test that caused it): each promise a command makes then costs
 * a weak callback and an extra GC, a third more CPU for a verify of 10 000 commits. A worker has
 * no such hook. Everything else about an in-process run stays: real git, real repositories, the
 * same argv, env, cwd and stdin as the bin, and the exit code main returns.
 */
import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { main } from '../../src/cli.js';

export interface MainRequest {
  id: number;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  input?: string;
}

export type MainReply = { id: number; code: number; stdout: string; stderr: string } | { id: number; error: unknown };

parentPort?.on('message', (request: MainRequest) => {
  void run(request).then((reply) => parentPort!.postMessage(reply));
});

async function run({ id, args, cwd, env, input }: MainRequest): Promise<MainReply> {
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(Readable.from(input ? [Buffer.from(input)] : []), { isTTY: false });
  try {
    const code = await main(args, {
      cwd,
      env,
      stdout: { write: (text: string) => ((stdout += String(text)), true), isTTY: false },
      stderr: { write: (text: string) => ((stderr += String(text)), true), isTTY: false },
      stdin,
    });
    return { id, code, stdout, stderr };
  } catch (error) {
    // main() reports every error itself; one that escapes is a bug the test must show whole.
    return { id, error };
  }
}
