import { describe, expect, it } from 'vitest';
import {
  createProgressReporter,
  overallFraction,
  progressMode,
  renderBar,
  stepLine,
} from './progress.js';
import type { ProgressLike } from './progress.js';

function sink(isTTY: boolean): {
  stream: { write(text: string): void; isTTY: boolean; columns: number };
  text: () => string;
} {
  let text = '';
  return {
    stream: { write: (chunk: string) => void (text += chunk), isTTY, columns: 60 },
    text: () => text,
  };
}

const events: ProgressLike[] = [
  { step: 'load', status: 'start', message: 'reading iris.csv' },
  { step: 'load', status: 'done', message: '150 rows' },
  { step: 'select', status: 'start', message: 'k from 2 to 10' },
  { step: 'select', status: 'progress', fraction: 0.5, message: 'k = 6' },
  { step: 'select', status: 'done', message: 'k = 3' },
];

describe('progress', () => {
  it('chooses the mode from quiet and the terminal', () => {
    expect(progressMode({ write: () => 0, isTTY: true }, true)).toBe('none');
    expect(progressMode({ write: () => 0, isTTY: true }, false)).toBe('bar');
    expect(progressMode({ write: () => 0 }, false)).toBe('lines');
  });

  it('computes the overall fraction across the ten steps', () => {
    expect(overallFraction({ step: 'load', status: 'start', message: '' })).toBe(0);
    expect(overallFraction({ step: 'load', status: 'done', message: '' })).toBeCloseTo(0.1, 12);
    expect(
      overallFraction({ step: 'select', status: 'progress', fraction: 0.5, message: '' }),
    ).toBeCloseTo(0.55, 12);
    expect(overallFraction({ step: 'write', status: 'done', message: '' })).toBe(1);
    expect(
      overallFraction({ step: 'fit', status: 'progress', fraction: 7, message: '' }),
    ).toBeCloseTo(0.7, 12);
  });

  it('writes step lines with a counter, and copes with unknown steps and empty messages', () => {
    expect(stepLine({ step: 'fit', status: 'start', message: 'k = 3' })).toBe('[7/10] fit: k = 3');
    expect(stepLine({ step: 'write', status: 'done', message: '' })).toBe('[10/10] write done');
    expect(stepLine({ step: 'other', status: 'done', message: 'x' })).toBe('other done: x');
  });

  it('renders a bar and truncates to the width', () => {
    expect(renderBar(0.5, 'fit', 80)).toBe(`[${'#'.repeat(12)}${'-'.repeat(12)}]  50% fit`);
    expect(renderBar(1, 'a very long label indeed', 20)).toHaveLength(20);
  });

  it('prints one line per step start and finish when not a terminal', () => {
    const out = sink(false);
    const reporter = createProgressReporter(out.stream, 'lines');
    for (const event of events) reporter.onProgress(event);
    reporter.finish();
    expect(out.text()).toBe(
      '[1/10] load: reading iris.csv\n[1/10] load done: 150 rows\n' +
        '[6/10] select: k from 2 to 10\n[6/10] select done: k = 3\n',
    );
  });

  it('redraws one line on a terminal and clears it at the end', () => {
    const out = sink(true);
    const reporter = createProgressReporter(out.stream, 'bar');
    for (const event of events) reporter.onProgress(event);
    reporter.onProgress(events[4]!); // unchanged: not redrawn
    reporter.finish();
    const text = out.text();
    expect(text.split('\r\x1b[2K')).toHaveLength(events.length + 2);
    expect(text).toContain(' 55% select: k = 6');
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
    expect(text).not.toContain('\n');
  });

  it('falls back to 80 columns when the terminal reports none', () => {
    let text = '';
    const reporter = createProgressReporter(
      { write: (chunk: string) => void (text += chunk), isTTY: true, columns: 0 },
      'bar',
    );
    reporter.onProgress({ step: 'fit', status: 'start', message: 'Fitting k = 3' });
    expect(text).toBe(`\r\x1b[2K[${'#'.repeat(14)}${'-'.repeat(10)}]  60% fit: Fitting k = 3`);
  });

  it('prints nothing when quiet', () => {
    const out = sink(true);
    const reporter = createProgressReporter(out.stream, 'none');
    for (const event of events) reporter.onProgress(event);
    reporter.finish();
    expect(out.text()).toBe('');
  });
});
