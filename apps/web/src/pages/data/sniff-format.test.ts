import { describe, expect, it } from 'vitest';
import { sniffFormat } from './sniff-format.js';

const file = (text: string, name: string) => Object.assign(new Blob([text]), { name });

describe('sniffFormat', () => {
  it('reads tab-separated .csv and .txt files as TSV', async () => {
    expect(await sniffFormat(file('ID\tIncome\tCity, State\n1\t2\t3\n', 'marketing.csv'))).toBe(
      'tsv',
    );
    expect(await sniffFormat(file('a\tb\n', 'export.TXT'))).toBe('tsv');
  });

  it('leaves comma or semicolon files and other formats to the server', async () => {
    expect(await sniffFormat(file('a,b,c\n1,2,3\n', 'x.csv'))).toBe('');
    expect(await sniffFormat(file('a;b;c\tx\n', 'x.csv'))).toBe('');
    expect(await sniffFormat(file('a\tb\n', 'x.parquet'))).toBe('');
  });
});
