/**
 * Writes the demo data set into a folder: customers.csv, transactions.csv, sessions.csv and the
 * two configs demo.yaml and demo-rfm.yaml. Every file is written atomically (a temporary file in
 * the same folder, then a rename), so an interrupted run never leaves a file that looks complete.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ERROR_CODES, SegmintError } from '@segmint/engine';
import { CUSTOMER_COLUMNS } from './customers.js';
import { toCsv } from './csv.js';
import { DEMO_CONFIG, DEMO_RFM_CONFIG } from './demo-configs.js';
import { generateDemoData, type DemoDataOptions } from './generate-demo-data.js';
import { SESSION_COLUMNS } from './sessions.js';
import { TRANSACTION_COLUMNS } from './transactions.js';

/** Absolute paths of the files {@link writeDemo} wrote. */
export interface DemoFiles {
  readonly customers: string;
  readonly transactions: string;
  readonly sessions: string;
  /** demo.yaml: customer features. */
  readonly config: string;
  /** demo-rfm.yaml: RFM from the transactions. */
  readonly rfmConfig: string;
}

/** Writes `text` to `path` through a temporary file in the same folder and a rename. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new SegmintError(
      ERROR_CODES.WRITE_FAILED,
      `writeDemo: cannot write ${JSON.stringify(path)}: ${error instanceof Error ? error.message : String(error)}`,
      { path },
      { cause: error },
    );
  }
}

/**
 * Generates the demo data ({@link generateDemoData}) and writes it with its configs into `dir`
 * (created if needed; existing demo files are replaced).
 * @param dir - the output folder.
 * @param options - `customers` (default 2000), `seed` (default 0).
 * @returns the absolute paths written.
 * @throws SegmintError WRITE_FAILED naming the file when the folder or a file cannot be written;
 *   INVALID_PARAMETER for bad options.
 * @example
 * const { files } = await writeDemo('segmint-demo');
 * // segmint run -c segmint-demo/demo.yaml
 */
export async function writeDemo(
  dir: string,
  options?: Partial<DemoDataOptions>,
): Promise<{ files: DemoFiles }> {
  const data = generateDemoData(options);
  const folder = resolve(dir);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new SegmintError(
      ERROR_CODES.WRITE_FAILED,
      `writeDemo: cannot create the folder ${JSON.stringify(folder)}: ${error instanceof Error ? error.message : String(error)}`,
      { path: folder },
      { cause: error },
    );
  }
  const files: DemoFiles = {
    customers: join(folder, 'customers.csv'),
    transactions: join(folder, 'transactions.csv'),
    sessions: join(folder, 'sessions.csv'),
    config: join(folder, 'demo.yaml'),
    rfmConfig: join(folder, 'demo-rfm.yaml'),
  };
  await writeAtomic(files.customers, toCsv(data.customers, CUSTOMER_COLUMNS));
  await writeAtomic(files.transactions, toCsv(data.transactions, TRANSACTION_COLUMNS));
  await writeAtomic(files.sessions, toCsv(data.sessions, SESSION_COLUMNS));
  await writeAtomic(files.config, DEMO_CONFIG);
  await writeAtomic(files.rfmConfig, DEMO_RFM_CONFIG);
  return { files };
}
