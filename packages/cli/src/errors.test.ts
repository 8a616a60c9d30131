import { SegmintError } from '@segmint/engine';
import { describe, expect, it } from 'vitest';
import { describeError, UsageError } from './errors.js';

describe('describeError', () => {
  it('prints a SegmintError as one line with the catalogue exit code', () => {
    const report = describeError(new SegmintError('NOT_FOUND', "file 'a.csv' not found"), {
      debug: false,
    });
    expect(report).toEqual({ text: "segmint: file 'a.csv' not found\n", exitCode: 5 });
    expect(describeError(new SegmintError('INVALID_CONFIG', 'x'), { debug: false }).exitCode).toBe(
      2,
    );
    expect(describeError(new SegmintError('INVALID_FILE', 'x'), { debug: false }).exitCode).toBe(3);
    expect(describeError(new SegmintError('CANCELLED', 'x'), { debug: false }).exitCode).toBe(130);
    expect(describeError(new SegmintError('WRITE_FAILED', 'x'), { debug: false }).exitCode).toBe(7);
  });

  it('points usage errors at the command help with exit 2', () => {
    expect(
      describeError(new UsageError('missing option -c/--config', 'run'), { debug: false }),
    ).toEqual({
      text: "segmint: missing option -c/--config (see 'segmint run --help')\n",
      exitCode: 2,
    });
    expect(describeError(new UsageError('missing command'), { debug: false }).text).toContain(
      "'segmint --help'",
    );
  });

  it('maps an AbortError to CANCELLED', () => {
    const controller = new AbortController();
    controller.abort();
    expect(describeError(controller.signal.reason, { debug: false })).toEqual({
      text: 'segmint: cancelled\n',
      exitCode: 130,
    });
  });

  it('asks to report unexpected errors, exit 1, no stack unless debugging', () => {
    const error = new TypeError('x is undefined');
    const report = describeError(error, { debug: false });
    expect(report.exitCode).toBe(1);
    expect(report.text).toContain('segmint: x is undefined\n');
    expect(report.text).toContain('this is a bug; please report it with the command you ran');
    expect(report.text).not.toContain('    at ');
    expect(describeError('a string', { debug: false }).text).toContain('segmint: a string\n');
    const debug = describeError(new Error('outer', { cause: new Error('inner') }), { debug: true });
    expect(debug.text).toContain('    at ');
    expect(debug.text).toContain('caused by: Error: inner');
  });
});
