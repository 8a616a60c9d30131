/**
 * `segmint profile <file> [--json] [--delimiter X] [--sheet S]`: loads the file into an
 * in-memory DuckDB (@segmint/data), profiles every column and prints the column table, or with
 * --json `{ file, format, rows, columns: ColumnProfile[] }` on stdout.
 */
import { resolve } from 'node:path';
import { loadSource, openDatabase, profileTable } from '@segmint/data';
import type { ProfileCommand } from '../args.js';
import type { CliIo } from '../io.js';
import { formatProfileTable } from '../profile-table.js';

/**
 * Runs `segmint profile`.
 *
 * @returns 0 on success.
 * @throws SegmintError NOT_FOUND (names the file) or INVALID_FILE (names file, line, column).
 */
export async function runProfile(command: ProfileCommand, io: CliIo): Promise<number> {
  const db = await openDatabase();
  try {
    const loaded = await loadSource(db, {
      path: resolve(io.cwd, command.file),
      ...(command.delimiter === undefined ? {} : { delimiter: command.delimiter }),
      ...(command.sheet === undefined ? {} : { sheet: command.sheet }),
    });
    const columns = await profileTable(db, loaded.table);
    const profile = { file: command.file, format: loaded.format, rows: loaded.rows, columns };
    io.stdout.write(
      command.json ? `${JSON.stringify(profile, null, 2)}\n` : formatProfileTable(profile),
    );
    return 0;
  } finally {
    await db.close();
  }
}
