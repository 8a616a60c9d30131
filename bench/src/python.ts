/**
 * The scikit-learn side: a client for the long-lived Python worker (bench/python/worker.py),
 * which answers one JSON line per JSON command. One process serves the whole run, so Python
 * start-up, imports and data loading are never timed.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The interpreter with scikit-learn 1.2.1 (override with SEGMINT_BENCH_PYTHON). */
export const PYTHON = process.env.SEGMINT_BENCH_PYTHON ?? '/usr/bin/python3';

const WORKER = resolve(dirname(fileURLToPath(import.meta.url)), '../python/worker.py');

/** How to get scikit-learn when it is missing. */
export const SKLEARN_INSTALL_HINT =
  'scikit-learn not found for /usr/bin/python3: install it with `apt-get install -y python3-sklearn` ' +
  '(or set SEGMINT_BENCH_PYTHON to an interpreter that has it). sklearn columns are skipped.';

/** Why the worker cannot start (undefined when it can). */
export function sklearnUnavailableReason(): string | undefined {
  const probe = spawnSync(PYTHON, ['-c', 'import numpy, sklearn, threadpoolctl'], {
    encoding: 'utf8',
  });
  if (probe.error) return `${PYTHON} not runnable: ${probe.error.message}`;
  if (probe.status !== 0) return probe.stderr.trim().split('\n').pop() ?? 'import failed';
  return undefined;
}

/** A reply: `ok` plus command-specific fields. */
export type WorkerReply = { readonly ok: boolean; readonly error?: string } & Record<
  string,
  unknown
>;

/** A running worker process. */
export class PythonWorker {
  private readonly process: ChildProcessWithoutNullStreams;
  /** Resolvers of the commands in flight, in order (the worker answers in order). */
  private readonly pending: Array<(line: string) => void> = [];
  private exited = false;
  private stderr = '';

  constructor() {
    this.process = spawn(PYTHON, [WORKER], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    this.process.on('exit', () => {
      this.exited = true;
      for (const resolveLine of this.pending.splice(0)) resolveLine('');
    });
    createInterface({ input: this.process.stdout }).on('line', (line) => {
      this.pending.shift()?.(line);
    });
  }

  /**
   * Sends a command and waits for its reply.
   * @throws Error with the Python error (or its stderr tail) when the command fails.
   */
  async call(command: Record<string, unknown>): Promise<WorkerReply> {
    if (this.exited) throw new Error(`python worker exited: ${this.stderr}`);
    const line = await new Promise<string>((resolveLine) => {
      this.pending.push(resolveLine);
      this.process.stdin.write(`${JSON.stringify(command)}\n`);
    });
    if (line === '') throw new Error(`python worker exited: ${this.stderr}`);
    const reply = JSON.parse(line) as WorkerReply;
    if (!reply.ok) throw new Error(`sklearn ${String(command.op)}: ${reply.error ?? 'failed'}`);
    return reply;
  }

  /** Asks the worker to exit and waits for it. */
  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolveExit) => this.process.once('exit', () => resolveExit()));
    this.process.stdin.end(`${JSON.stringify({ op: 'quit' })}\n`);
    await done;
  }
}
