import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import exceljs from 'exceljs';
import { isSegmintError, type SegmintError } from '@segmint/engine';
import { type Database, openDatabase } from '../database.js';
import { temporaryFolder } from '../test-utils/files.js';
import { detectFormat } from './format.js';
import { loadSource, readSql } from './load-source.js';
import { parseDuckDbCsvError } from './csv-errors.js';
import { guessDelimiter, scanCsv } from './csv-scan.js';

const folder = temporaryFolder();
let db: Database;
beforeAll(async () => {
  db = await openDatabase();
});
afterAll(async () => {
  await db.close();
  folder.remove();
});

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<SegmintError> {
  try {
    await promise;
  } catch (error) {
    if (isSegmintError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

const irisLike = (rows: number) =>
  ['sepal_length,sepal_width,petal_length,petal_width,species']
    .concat(Array.from({ length: rows }, (_, i) => `5.${i % 10},3.5,1.4,0.2,setosa`))
    .join('\n') + '\n';

describe('detectFormat', () => {
  it('reads the extension, ignoring .gz and case', () => {
    expect(detectFormat({ path: 'a/sales.CSV.gz' })).toBe('csv');
    expect(detectFormat({ path: 'x.tsv' })).toBe('tsv');
    expect(detectFormat({ path: 'x.jsonl' })).toBe('ndjson');
    expect(detectFormat({ path: 'x.parquet' })).toBe('parquet');
    expect(detectFormat({ path: 'x.xlsx' })).toBe('xlsx');
    expect(detectFormat({ path: 'x.dat', format: 'csv' })).toBe('csv');
  });
  it('rejects an unknown extension, naming the file', () => {
    expect(() => detectFormat({ path: 'notes.doc' })).toThrow(/notes\.doc/);
  });
});

describe('readSql', () => {
  it('binds the path and options and quotes the table name', () => {
    const { sql, params } = readSql(
      { path: 'a.csv', delimiter: ';', header: true, dateFormat: '%d-%m-%Y' },
      'csv',
      'my "table"',
    );
    expect(sql).toBe(
      'CREATE OR REPLACE TABLE "my ""table""" AS SELECT * FROM read_csv($path, delim = $delim, quote = $quote, header = $header, dateformat = $dateformat)',
    );
    expect(params).toEqual({
      path: 'a.csv',
      delim: ';',
      quote: '"',
      header: true,
      dateformat: '%d-%m-%Y',
    });
    expect(readSql({ path: 'a.jsonl' }, 'ndjson', 't').sql).toContain(
      'read_json($path, format = $jsonformat)',
    );
  });
});

describe('loadSource: good files', () => {
  it('loads a CSV with sniffed types and counts rows', async () => {
    const path = folder.write(
      'small.csv',
      'id,name,income,joined\n1,Ann,10.5,2020-01-02\n2,Bob,,2021-03-04\n',
    );
    const loaded = await loadSource(db, { path }, { table: 'small' });
    expect(loaded.rows).toBe(2);
    expect(loaded.format).toBe('csv');
    expect(loaded.columns.map((c) => [c.name, c.kind])).toEqual([
      ['id', 'numeric'],
      ['name', 'categorical'],
      ['income', 'numeric'],
      ['joined', 'date'],
    ]);
  });
  it('reads gzip, a forced delimiter, TSV, NDJSON and JSON', async () => {
    const gz = folder.write('g.csv.gz', gzipSync(Buffer.from('a;b\n1;2\n3;4\n')));
    expect((await loadSource(db, { path: gz, delimiter: ';' }, { table: 'g' })).rows).toBe(2);
    const tsv = folder.write('t.tsv', 'a\tb\n1\tx\n');
    expect(
      (await loadSource(db, { path: tsv }, { table: 't' })).columns.map((c) => c.name),
    ).toEqual(['a', 'b']);
    const nd = folder.write('n.ndjson', '{"a":1,"b":"x"}\n{"a":2,"b":null}\n');
    expect((await loadSource(db, { path: nd }, { table: 'n' })).rows).toBe(2);
    const js = folder.write('j.json', '[{"a":1},{"a":2},{"a":3}]');
    expect((await loadSource(db, { path: js }, { table: 'j' })).rows).toBe(3);
  });
  it('honours an explicit date format', async () => {
    const path = folder.write('d.csv', 'id,d\n1,31-01-2020\n2,01-02-2020\n');
    const loaded = await loadSource(db, { path, dateFormat: '%d-%m-%Y' }, { table: 'd' });
    expect(loaded.columns[1]).toEqual({ name: 'd', type: 'DATE', kind: 'date' });
  });
  it('reads a parquet file written by DuckDB', async () => {
    const path = `${folder.dir}/p.parquet`;
    await db.run(`COPY (SELECT 1 AS a, 'x' AS b) TO $p (FORMAT parquet)`, { p: path });
    const loaded = await loadSource(db, { path }, { table: 'p' });
    expect(loaded.columns.map((c) => c.kind)).toEqual(['numeric', 'categorical']);
  });
  it('loads the named sheet of an XLSX workbook with typed columns', async () => {
    const workbook = new exceljs.Workbook();
    const notes = workbook.addWorksheet('Notes');
    notes.addRow(['hello']);
    const data = workbook.addWorksheet('Customers');
    data.addRow(['id', 'name', 'joined', 'vip']);
    data.addRow([1, 'Ann', new Date(Date.UTC(2020, 0, 2)), true]);
    data.addRow([2, 'Bob', new Date(Date.UTC(2021, 2, 4)), false]);
    const path = `${folder.dir}/book.xlsx`;
    await workbook.xlsx.writeFile(path);
    const loaded = await loadSource(db, { path, sheet: 'Customers' }, { table: 'x' });
    expect(loaded.rows).toBe(2);
    expect(loaded.columns.map((c) => c.type)).toEqual([
      'DOUBLE',
      'VARCHAR',
      'TIMESTAMP',
      'BOOLEAN',
    ]);
    const rows = await db.all('SELECT name, CAST(joined AS DATE)::VARCHAR AS d FROM x ORDER BY id');
    expect(rows).toEqual([
      { name: 'Ann', d: '2020-01-02' },
      { name: 'Bob', d: '2021-03-04' },
    ]);
    // Several sheets and none named: error listing them.
    const error = await failure(loadSource(db, { path }, { table: 'x2' }));
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toContain('book.xlsx');
    expect(error.message).toContain('Notes, Customers');
    const missing = await failure(loadSource(db, { path, sheet: 'Nope' }, { table: 'x3' }));
    expect(missing.message).toMatch(/no sheet named "Nope"/);
  });
});

describe('loadSource: bad input names the file, the line and the reason', () => {
  it('a missing file is NOT_FOUND naming it', async () => {
    const error = await failure(loadSource(db, { path: `${folder.dir}/nowhere.csv` }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('nowhere.csv');
  });
  it('a ragged row in a small file (DuckDB sniffer gives up): line 12', async () => {
    const lines = irisLike(20).split('\n');
    lines[11] += ',9.9';
    const path = folder.write('ragged.csv', lines.join('\n'));
    const error = await failure(loadSource(db, { path }, { table: 'r' }));
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toBe(`${path}: line 12: expected 5 fields, found 6`);
    expect(error.details.line).toBe(12);
  });
  it('a ragged row deep in a large file (DuckDB reports it)', async () => {
    const lines = irisLike(30000).split('\n');
    lines[25000] += ',1';
    const path = folder.write('ragged-big.csv', lines.join('\n'));
    const error = await failure(loadSource(db, { path }, { table: 'rb' }));
    expect(error.message).toBe(`${path}: line 25001: expected 5 fields, found 6`);
  });
  it('a ragged row with a forced delimiter', async () => {
    const path = folder.write('ragged2.csv', 'a;b\n1;2\n3;4;5\n6;7\n');
    const error = await failure(loadSource(db, { path, delimiter: ';' }, { table: 'r2' }));
    expect(error.message).toMatch(/ragged2\.csv: line 3: expected 2 fields, found 3/);
  });
  it('a quoted field that never closes', async () => {
    const path = folder.write('quote.csv', 'a,b\n1,2\n3,"open\n4,5\n');
    const error = await failure(loadSource(db, { path, delimiter: ',' }, { table: 'q' }));
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toMatch(
      /quote\.csv: line 3: a quoted field starts here and is never closed/,
    );
  });
  it('non-UTF-8 bytes', async () => {
    const path = folder.write(
      'latin.csv',
      Buffer.from([...Buffer.from('a,b\n1,2\n3,caf'), 0xe9, 10]),
    );
    const error = await failure(loadSource(db, { path }, { table: 'l' }));
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toMatch(/latin\.csv: line 3: not UTF-8 text \(byte 0xe9/);
  });
  it('an empty file and a header-only file', async () => {
    const empty = folder.write('empty.csv', '');
    expect((await failure(loadSource(db, { path: empty }))).message).toBe(
      `${empty}: the file is empty`,
    );
    const header = folder.write('header.csv', 'a,b,c\n');
    const error = await failure(loadSource(db, { path: header }, { table: 'h' }));
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toBe(`${header}: no data rows (only a header: a, b, c)`);
  });
  it('text in a numeric column when types are forced: line, column and value', async () => {
    const path = folder.write('text.csv', 'a,b\n1,2\nx,3\n');
    const error = await failure(loadSource(db, { path, types: { a: 'INTEGER' } }, { table: 'tx' }));
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toBe(`${path}: line 3: column "a": value "x" is not a valid INTEGER`);
    expect(error.details).toMatchObject({ line: 3, column: 'a', value: 'x' });
    // Forced types otherwise apply.
    const ok = folder.write('zip.csv', 'zip,n\n01234,1\n');
    const loaded = await loadSource(db, { path: ok, types: { zip: 'VARCHAR' } }, { table: 'zip' });
    expect(loaded.columns[0]!.type).toBe('VARCHAR');
    expect(
      parseDuckDbCsvError(
        'CSV Error on Line: 7\nOriginal Line: 1,2,3\nExpected Number of Columns: 2 Found: 3',
      ),
    ).toEqual({
      line: 7,
      reason: 'expected 2 fields, found 3',
    });
  });
  it('an aborted signal cancels the load', async () => {
    const path = folder.write('abort.csv', 'a\n1\n');
    const controller = new AbortController();
    controller.abort();
    const error = await failure(
      loadSource(db, { path }, { table: 'ab', signal: controller.signal }),
    );
    expect(error.code).toBe('CANCELLED');
  });
  it('an unreadable parquet file', async () => {
    const path = folder.write('bad.parquet', 'not parquet at all');
    const error = await failure(loadSource(db, { path }, { table: 'bp' }));
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toContain('bad.parquet: cannot be read');
  });
});

describe('csv scan helpers', () => {
  it('guesses the delimiter from the header', () => {
    expect(guessDelimiter('a;b;c')).toBe(';');
    expect(guessDelimiter('a\tb,c\td')).toBe('\t');
    expect(guessDelimiter('"x;y",b')).toBe(',');
  });
  it('accepts quoted newlines and doubled quotes', async () => {
    const path = folder.write('ok.csv', 'a,b\n1,"two\nlines"\n2,"say ""hi"""\n');
    expect(await scanCsv(path)).toBeNull();
    const bad = folder.write('after.csv', 'a,b\n1,"x"y\n');
    expect((await scanCsv(bad))?.kind).toBe('text-after-quote');
  });
});
