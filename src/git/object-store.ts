/**
 * Sizes and contents of objects through ONE long-lived `git cat-file --batch-command` process,
 * started on the first request: checks that never look at content cost no process, and a range
 * of 20 000 files costs one however the checks pace their reads. Requests are written as they
 * come and git answers them in order, so answers are matched to requests by a queue. Idle, the
 * process ends by itself and a later request starts another: a Change's files can be read long
 * after the source that built them returned, and nobody has to remember to close anything for
 * a hook to exit.
 *
 * Protocol (git ≥ 2.36):
 *   info <sha>\n      →  <sha> <type> <size>\n                      (or <sha> missing\n)
 *   contents <sha>\n  →  <sha> <type> <size>\n<size bytes>\n          (or <sha> missing\n)
 */
import { gitFailure, spawnGit } from './exec.js';
import type { Repository } from './repo.js';

interface Request {
  sha: string;
  kind: 'size' | 'info' | 'contents';
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

const HEADER = /^(\S+) (\S+) (\d+)$/;

/** What `info` answers: the object's id (a name such as `<commit>^{tree}` resolved), type and size. */
export interface ObjectInfo {
  oid: string;
  type: string;
  size: number;
}
const ARGS = ['cat-file', '--batch-command'];

/** One git process and the requests it owes answers to. */
class Session {
  readonly queue: Request[] = [];
  readonly child: ReturnType<typeof spawnGit>;
  private pending: Buffer = Buffer.alloc(0);
  /** Body bytes (plus the trailing LF) still expected for the request at the queue's head; -1 between answers. */
  private expected = -1;
  /** The answer being received, allocated at its header's size: chunks are copied in as they come, never concatenated at the end. */
  private body: Buffer = Buffer.alloc(0);
  private received = 0;

  constructor(root: string, onIdle: (session: Session) => void, stderr: 'inherit' | 'ignore') {
    this.child = spawnGit(ARGS, { cwd: root, stderr });
    const failAll = (reason: string, code?: string) => {
      const error = gitFailure(ARGS, reason, code);
      for (const waiting of this.queue.splice(0)) waiting.reject(error);
    };
    this.child.on('error', (error: NodeJS.ErrnoException) => failAll(error.message, error.code));
    this.child.on('close', () => failAll('ended early'));
    // A git that died closes the pipe under a pending write: 'close' reports it to every waiting read.
    this.child.stdin.on('error', () => {});
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.receive(chunk);
      if (this.queue.length === 0) onIdle(this);
    });
  }

  request(request: Request): void {
    this.queue.push(request);
    this.child.stdin.write(`${request.kind === 'contents' ? 'contents' : 'info'} ${request.sha}\n`);
  }

  private receive(chunk: Buffer): void {
    let data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (data.length > 0) {
      if (this.expected < 0) {
        const newline = data.indexOf(0x0a);
        if (newline === -1) {
          // Only a header can be pending, and headers are short: this never grows.
          this.pending = data;
          return;
        }
        const header = data.toString('utf8', 0, newline);
        data = data.subarray(newline + 1);
        const head = this.queue[0];
        if (!head) continue;
        const parsed = HEADER.exec(header);
        if (!parsed || head.kind !== 'contents') {
          this.queue.shift();
          // A size is all most callers ask (every file of a range): no object built for it.
          if (head.kind === 'size') head.resolve((parsed ? Number(parsed[3]) : undefined) as never);
          else if (head.kind === 'info') head.resolve((parsed ? { oid: parsed[1]!, type: parsed[2]!, size: Number(parsed[3]) } : undefined) as never);
          else head.reject(gitFailure(['cat-file', 'contents', head.sha], header));
          continue;
        }
        this.expected = Number(parsed[3]) + 1;
        this.received = 0;
        // A whole answer in this chunk is a view of it; a longer one gets its own buffer.
        this.body = data.length >= this.expected ? Buffer.alloc(0) : Buffer.allocUnsafe(this.expected);
      }
      const take = Math.min(this.expected - this.received, data.length);
      let content: Buffer | undefined;
      if (this.body.length === 0) content = data.subarray(0, take);
      else {
        data.copy(this.body, this.received, 0, take);
        if (this.received + take === this.expected) content = this.body;
      }
      this.received += take;
      data = data.subarray(take);
      if (this.received < this.expected) return;
      this.body = Buffer.alloc(0);
      this.expected = -1;
      this.queue.shift()?.resolve(content!.subarray(0, content!.length - 1) as never);
    }
  }
}

export class ObjectStore {
  private session: Session | undefined;
  private idleCheck: NodeJS.Immediate | undefined;

  /** `quiet`: git's warnings (an ambiguous ref name) are not shown; the answers say what went wrong. */
  constructor(
    private readonly repo: Pick<Repository, 'root'>,
    private readonly options: { quiet?: boolean } = {},
  ) {}

  /** The object's size in bytes, undefined when the repository lacks it; reads nothing. */
  size(sha: string): Promise<number | undefined> {
    return this.request(sha, 'size');
  }

  /**
   * Id, type and size of what `name` names (an id, or any revision: `<commit>^{tree}`,
   * `origin/main^{commit}`), undefined when it names nothing; reads nothing. `name` must be
   * one line: the protocol is line-based.
   */
  info(name: string): Promise<ObjectInfo | undefined> {
    return this.request(name, 'info');
  }

  /** The object's bytes (never the working tree's). */
  read(sha: string): Promise<Buffer> {
    return this.request(sha, 'contents');
  }

  /** Ends the git process; requests already made still get their answers. */
  close(): void {
    this.session?.child.stdin.end();
    this.session = undefined;
  }

  private request<T>(sha: string, kind: Request['kind']): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.session ??= new Session(this.repo.root, (session) => this.closeWhenIdle(session), this.options.quiet ? 'ignore' : 'inherit');
      this.session.request({ sha, kind, resolve: resolve as (value: never) => void, reject });
    });
  }

  /** Ends an idle process on the next turn of the event loop, unless a request came meanwhile. */
  private closeWhenIdle(session: Session): void {
    if (this.idleCheck) return;
    this.idleCheck = setImmediate(() => {
      this.idleCheck = undefined;
      if (this.session === session && session.queue.length === 0) this.close();
    });
  }
}
