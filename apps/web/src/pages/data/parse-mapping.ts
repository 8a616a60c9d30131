/**
 * The `map` recipe's mapping as the analyst types it: one `value = result` per line (results that
 * look like numbers become numbers), e.g. "Married = 1" and "Together = 1".
 */

/**
 * Parses the mapping text; blank lines and lines without '=' are skipped.
 * @example parseMapping('Married = 1\nTogether=1\nPhD = Doctorate') // { Married: 1, Together: 1, PhD: 'Doctorate' }
 */
export function parseMapping(text: string): Record<string, string | number> {
  const mapping: Record<string, string | number> = {};
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf('=');
    if (at <= 0) continue;
    const key = line.slice(0, at).trim();
    const raw = line.slice(at + 1).trim();
    if (key === '' || raw === '') continue;
    const number = Number(raw);
    mapping[key] = Number.isFinite(number) ? number : raw;
  }
  return mapping;
}
