import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TickResult } from '../../src/modules/jobs/job-runner.service.js';

export type ApiProcessRequest =
  { id: number; type: 'clock'; at: string } | { id: number; type: 'tick'; job: string } | { id: number; type: 'stop' };

export type ApiProcessReply =
  | { type: 'ready'; url: string; pid: number }
  | { id: number; type: 'done' }
  | { id: number; type: 'ticked'; result: TickResult }
  | { id: number; type: 'failed'; message: string };

const ENTRY = fileURLToPath(new URL('./api-process-main.ts', import.meta.url));
const REGISTER = fileURLToPath(new URL('./ts-source-register.mjs', import.meta.url));

/** Only what a server needs from the test's environment: no DATABASE_URL or jest settings leak in. */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG'];

/** A request before it gets its id (Omit over each member of the union). */
type Request<R = ApiProcessRequest> = R extends unknown ? Omit<R, 'id'> : never;
type Pending = { resolve(reply: ApiProcessReply): void; reject(error: Error): void };

/**
 * A CivicDesk API server in a real OS process of its own (node + api-process-main.ts), running
 * the TypeScript source through @swc/core module hooks, so a test needs no build and runs the
 * code under test. The test drives its clock and job ticks over IPC.
 */
export class ApiProcess {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private output = '';
  private exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly name: string,
  ) {
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        for (const p of this.pending.values()) p.reject(new Error(`${name} exited with code ${code}\n${this.output}`));
        this.pending.clear();
        resolve(code);
      }),
    );
    child.on('message', (reply: ApiProcessReply) => {
      if (!('id' in reply)) return;
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiting?.resolve(reply);
    });
  }

  /** Starts one instance with this environment and waits until it serves HTTP. */
  static async start(
    name: string,
    options: { env: Record<string, string>; now: string; timeoutMs?: number },
  ): Promise<{ process: ApiProcess; url: string; pid: number }> {
    const env = Object.fromEntries(INHERITED.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
    const child = fork(ENTRY, [options.now], {
      execArgv: ['--enable-source-maps', '--import', REGISTER],
      env: { ...env, PORT: '0', HOST: '127.0.0.1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const instance = new ApiProcess(child, name);
    const timeoutMs = options.timeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      const ready = await Promise.race([
        new Promise<{ url: string; pid: number }>((resolve) =>
          child.on('message', (m: ApiProcessReply) => m.type === 'ready' && resolve(m)),
        ),
        instance.exited.then((code) => Promise.reject(new Error(`exited with code ${code}`))),
        new Promise<never>(
          (_, reject) => (timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms`)), timeoutMs)),
        ),
      ]);
      return { process: instance, ...ready };
    } catch (error) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start: ${(error as Error).message}\n${instance.output}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  setClock(at: Date | string): Promise<void> {
    return this.request({ type: 'clock', at: new Date(at).toISOString() }).then(() => undefined);
  }

  /** One tick of a job in this instance, as its scheduler's timer fires it. */
  async tick(job: string): Promise<TickResult> {
    const reply = await this.request({ type: 'tick', job });
    if (reply.type !== 'ticked') throw new Error(`unexpected reply ${reply.type}`);
    return reply.result;
  }

  /**
   * Sends a signal (SIGKILL by default: no drain, no shutdown hooks, as a crash or the OOM killer
   * would end it) and waits until the process is gone. Requests it had not answered reject.
   */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }

  /** What the process printed (its logs), for failure messages. */
  get log(): string {
    return this.output;
  }

  /** Stops it as SIGTERM would (drain HTTP, let running jobs finish, close the pool); kills it if it hangs. */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const killer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      // No reply: the process exits when it has stopped.
      void this.request({ type: 'stop' }).catch(() => undefined);
      await this.exited;
    } finally {
      clearTimeout(killer);
    }
  }

  private request(message: Request): Promise<ApiProcessReply> {
    const id = this.nextId++;
    return new Promise<ApiProcessReply>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (reply) =>
          reply.type === 'failed' ? reject(new Error(`${this.name}: ${reply.message}\n${this.output}`)) : resolve(reply),
        reject,
      });
      this.child.send({ ...message, id }, (error) => {
        if (!error) return;
        this.pending.delete(id);
        reject(error);
      });
    });
  }
}
