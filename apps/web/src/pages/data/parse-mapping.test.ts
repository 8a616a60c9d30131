import { describe, expect, it } from 'vitest';
import { parseMapping } from './parse-mapping.js';

describe('parseMapping', () => {
  it('reads value = result lines, numbers as numbers', () => {
    expect(parseMapping('Married = 1\nTogether=1\r\nPhD = Doctorate\n')).toEqual({
      Married: 1,
      Together: 1,
      PhD: 'Doctorate',
    });
  });

  it('skips blank, keyless and valueless lines and keeps "=" inside results', () => {
    expect(parseMapping('\n= 3\nAlone =\nA = x=y')).toEqual({ A: 'x=y' });
  });
});
