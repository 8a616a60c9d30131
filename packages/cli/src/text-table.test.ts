import { describe, expect, it } from 'vitest';
import { formatTable } from './text-table.js';

describe('formatTable', () => {
  it('pads columns, right-aligns where asked, rules the header', () => {
    expect(
      formatTable(
        ['name', 'n'],
        [
          ['age', '12'],
          ['income', '3'],
        ],
        ['left', 'right'],
      ),
    ).toBe('name     n\n------  --\nage     12\nincome   3\n');
  });

  it('handles missing cells and no rows', () => {
    expect(formatTable(['a', 'b'], [['x']])).toBe('a  b\n-  -\nx\n');
    expect(formatTable(['a'], [])).toBe('a\n-\n');
  });
});
