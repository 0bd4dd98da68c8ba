import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from './eventually';

/** The compiled entry point of a service (`services/<name>/dist/main.js`) or of the worker (`case-worker`). */
export function entryPoint(name: string): string {
  const root = join(__dirname, '../../..');
  return name === 'case-worker' ? join(root, 'workflows/dist/worker/main.js') : join(root, 'services', name, 'dist/main.js');
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** ms from the stop signal (or the start, when it exited by itself) to the exit */
  afterMs: number;
}

/**
 * A compiled service or worker run as a child process, as `npm start` and an orchestrator run it: its JSON log lines
 * kept (`logs`, `messages()`), started once it logs `startedLine`, stopped by a signal.
 */
export class ServiceProcess {
  readonly logs: string[] = [];
  private child?: ChildProcess;
  private exit?: Promise<Exit>;
  private signalledAt = 0;

  constructor(readonly name: string, private readonly env: Record<string, string | undefined>, private readonly startedLine: RegExp) {}

  /** Starts the process and waits for its started line (it fails fast when the process exits instead). */
  async start(timeoutMs = 120_000): Promise<void> {
    const startedAt = Date.now();
    const child = spawn(process.execPath, ['--enable-source-maps', entryPoint(this.name)], { env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.signalledAt = 0;
    this.exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, afterMs: Date.now() - (this.signalledAt || startedAt) })));
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      this.logs.push(...lines);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const from = this.logs.length;
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode}: ${this.logs.slice(-5).join('\n')}`);
      return this.logs.slice(from).some((line) => this.startedLine.test(line)) || undefined;
    }, { what: `${this.name} to start`, timeoutMs });
  }

  /** Sends a signal and resolves with how (and how soon) the process ended. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> {
    this.signalledAt = Date.now();
    this.child?.kill(signal);
    return this.exit ?? Promise.resolve({ code: null, signal: null, afterMs: 0 });
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The `msg` of every JSON log line so far. */
  messages(): string[] {
    return this.logs.flatMap((line) => {
      try {
        const msg = (JSON.parse(line) as { msg?: unknown }).msg;
        return typeof msg === 'string' ? [msg] : [];
      } catch {
        return [];
      }
    });
  }
}
