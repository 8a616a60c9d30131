/**
 * A small streaming CSV checker that finds the FIRST structural problem in a delimited file and
 * says where: a row with the wrong number of fields, a quoted field that never closes, text after
 * a closing quote, bytes that are not UTF-8. DuckDB's reader is the real parser; this scan runs
 * only when DuckDB fails (or its sniffer gives up and reads one column), because DuckDB's sniffer
 * reports "could not detect the dialect" for a small file with one bad row, with no line number.
 *
 * The file is streamed (gunzipped on the fly for .gz) and split on bytes 0x0A, which never occur
 * inside a multi-byte UTF-8 sequence, so a line can be decoded and numbered on its own. Memory is
 * bounded by the longest line. Lines are numbered from 1 and include the header line, as in an
 * editor and in DuckDB's "CSV Error on Line: n".
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/** The first structural problem in a file, or none. */
export interface CsvProblem {
  /** 1-based physical line of the problem (the line where the record starts, for field counts). */
  readonly line: number;
  /** Human-readable reason, e.g. "expected 5 fields, found 6". */
  readonly reason: string;
  readonly kind: 'field-count' | 'unclosed-quote' | 'text-after-quote' | 'encoding';
  readonly expected?: number;
  readonly found?: number;
}

/** Delimiters tried when the caller does not name one, in order of preference on ties. */
export const DELIMITER_CANDIDATES: readonly string[] = [',', '\t', ';', '|'];

/**
 * Guesses the delimiter of a header line: the candidate occurring most often outside quotes
 * (',' when none occurs).
 * @example guessDelimiter('a;b;c') // ';'
 */
export function guessDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const candidate of DELIMITER_CANDIDATES) {
    const count = splitFields(headerLine, candidate, false).fields;
    if (count - 1 > bestCount) {
      best = candidate;
      bestCount = count - 1;
    }
  }
  return best;
}

interface SplitState {
  /** Fields seen so far in the record (1 + delimiters outside quotes). */
  fields: number;
  /** True when the record continues on the next line (an open quote). */
  open: boolean;
  /** Set when a closing quote is followed by something other than a delimiter. */
  textAfterQuote: boolean;
}

/** Counts fields in one line, continuing a quoted field when `open` (RFC 4180 quoting). */
function splitFields(line: string, delimiter: string, open: boolean): SplitState {
  let fields = 1;
  let inQuotes = open;
  let textAfterQuote = false;
  let fieldStart = true;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"') {
        if (line[i + 1] === '"') i++;
        else {
          inQuotes = false;
          const next = line[i + 1];
          if (next !== undefined && next !== delimiter && next !== '\r') textAfterQuote = true;
        }
      }
    } else if (ch === delimiter) {
      fields++;
      fieldStart = true;
      continue;
    } else if (ch === '"' && fieldStart) {
      inQuotes = true;
    }
    fieldStart = false;
  }
  return { fields, open: inQuotes, textAfterQuote };
}

/**
 * Streams `path` and returns its first structural problem, or null when every record has as many
 * fields as the header. `delimiter` is guessed from the first line when absent.
 * @example await scanCsv('ragged.csv') // { line: 12, reason: 'expected 5 fields, found 6', ... }
 */
export async function scanCsv(path: string, delimiter?: string): Promise<CsvProblem | null> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const fileStream = createReadStream(path);
  const stream = path.toLowerCase().endsWith('.gz') ? fileStream.pipe(createGunzip()) : fileStream;
  let pending: Buffer = Buffer.alloc(0);
  let lineNumber = 0;
  let expected = -1;
  let separator = delimiter;
  let record: { start: number; fields: number } | null = null;

  const checkLine = (bytes: Buffer): CsvProblem | null => {
    lineNumber++;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      const bad = firstInvalidUtf8(bytes);
      return {
        line: lineNumber,
        kind: 'encoding',
        reason: `not UTF-8 text (byte 0x${bad.byte.toString(16).padStart(2, '0')} at byte ${bad.offset + 1} of the line); save the file as UTF-8`,
      };
    }
    if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (record === null && text.trim() === '') return null;
    separator ??= guessDelimiter(text);
    const state = splitFields(text, separator, record !== null);
    if (state.textAfterQuote) {
      return {
        line: lineNumber,
        kind: 'text-after-quote',
        reason:
          'text follows a closing quote inside a field (quotes inside a quoted field must be doubled: "")',
      };
    }
    const fields = (record === null ? 0 : record.fields - 1) + state.fields;
    const start = record === null ? lineNumber : record.start;
    if (state.open) {
      record = { start, fields };
      return null;
    }
    record = null;
    if (expected < 0) expected = fields;
    else if (fields !== expected) {
      return {
        line: start,
        kind: 'field-count',
        expected,
        found: fields,
        reason: `expected ${expected} field${expected === 1 ? '' : 's'}, found ${fields}`,
      };
    }
    return null;
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      let from = 0;
      for (
        let newline = pending.indexOf(10, from);
        newline >= 0;
        newline = pending.indexOf(10, from)
      ) {
        const problem = checkLine(pending.subarray(from, newline));
        if (problem !== null) return problem;
        from = newline + 1;
      }
      pending = pending.subarray(from);
    }
    if (pending.length > 0) {
      const problem = checkLine(pending);
      if (problem !== null) return problem;
    }
    const open = record as { start: number } | null;
    if (open !== null) {
      return {
        line: open.start,
        kind: 'unclosed-quote',
        reason: 'a quoted field starts here and is never closed',
      };
    }
    return null;
  } finally {
    fileStream.destroy();
  }
}

/** Offset and value of the first byte that breaks UTF-8 in `bytes` (for the message). */
function firstInvalidUtf8(bytes: Uint8Array): { offset: number; byte: number } {
  let low = 0;
  let high = bytes.length;
  // Binary search on the longest valid prefix; `stream: true` accepts a prefix that ends inside
  // a multi-byte sequence, so only truly invalid bytes fail.
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle;
    }
  }
  return { offset: low, byte: bytes[low] ?? 0 };
}
