/**
 * `segmint predict -m model.json <file> -o out.csv [--json]`: assigns the rows of a new file to
 * the segments of a saved model (the pipeline's predictFile replays the model's preparation) and
 * writes the id, segment, segment_name and confidence columns. The output format follows the
 * output file's extension (.csv, .parquet, .json).
 */
import { extname, resolve } from 'node:path';
import { predictFile } from '@segmint/pipeline';
import type { PredictCommand } from '../args.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';

/** Output format from the output file's extension, or undefined when unknown. */
export function predictionFormat(path: string): 'csv' | 'parquet' | 'json' | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.parquet') return 'parquet';
  if (extension === '.json') return 'json';
  return undefined;
}

/**
 * Runs `segmint predict`.
 *
 * @returns 0 on success.
 * @throws {@link UsageError} when the output extension is not .csv, .parquet or .json;
 *   SegmintError NOT_FOUND, INVALID_MODEL, INVALID_FILE, WRITE_FAILED from the pipeline.
 */
export async function runPredict(command: PredictCommand, io: CliIo): Promise<number> {
  const format = predictionFormat(command.output);
  if (format === undefined)
    throw new UsageError(
      `cannot tell the output format of '${command.output}'; end it with .csv, .parquet or .json`,
      'predict',
    );
  const result = await predictFile(
    resolve(io.cwd, command.model),
    resolve(io.cwd, command.file),
    resolve(io.cwd, command.output),
    { format },
  );
  io.stdout.write(
    command.json
      ? `${JSON.stringify({ rows: result.rows, outputPath: result.outputPath }, null, 2)}\n`
      : `Wrote ${result.rows} predictions to ${result.outputPath}\n`,
  );
  return 0;
}
