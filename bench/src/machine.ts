/**
 * A description of the machine and the software versions, for the README section of a run.
 */
import { availableParallelism, cpus, totalmem } from 'node:os';

/** What a run records about where it ran. */
export interface MachineInfo {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly python?: string;
  readonly numpy?: string;
  readonly sklearn?: string;
  readonly sklearnThreads?: string;
  readonly segmintThreads: number;
  readonly peers: Readonly<Record<string, string>>;
}

/** The Node-side facts; Python facts come from the worker's `info` reply. */
export function describeMachine(
  segmintThreads: number,
  peers: Readonly<Record<string, string>>,
  python?: Record<string, unknown>,
): MachineInfo {
  const pools = (python?.threadpools ?? []) as Array<{
    api: string;
    library: string;
    threads: number;
  }>;
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    ...(python
      ? {
          python: String(python.python),
          numpy: String(python.numpy),
          sklearn: String(python.sklearn),
          sklearnThreads: pools.map((pool) => `${pool.library} ${pool.threads}`).join(', '),
        }
      : {}),
    segmintThreads,
    peers,
  };
}

/** The Markdown lines describing the machine. */
export function machineMarkdown(info: MachineInfo): string {
  const peers = Object.entries(info.peers)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  return [
    `- Date: ${info.date}`,
    `- Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB`,
    `- Node ${info.node}; Segmint threads: ${info.segmintThreads} (worker threads)`,
    info.sklearn
      ? `- Python ${info.python}, numpy ${info.numpy}, scikit-learn ${info.sklearn}; threads: ${info.sklearnThreads} (defaults)`
      : '- scikit-learn: not available (columns skipped)',
    `- Peers: ${peers || 'none'} (single-threaded JavaScript; number[][] input converted before timing)`,
  ].join('\n');
}
