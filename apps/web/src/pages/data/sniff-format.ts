/**
 * The server reads a `.csv` upload as comma/semicolon-separated; many exports named `.csv` are
 * tab-separated (e.g. the customer-personality marketing file). Looking at the first line picks
 * `tsv` for those, so the analyst does not have to know.
 */

/**
 * The `?format=` to upload a file with: 'tsv' for a `.csv`/`.txt` file whose first line has more
 * tabs than commas and semicolons, else '' (the server detects it from the name).
 * @example await sniffFormat(new File(['a\tb\n1\t2\n'], 'x.csv')) // 'tsv'
 */
export async function sniffFormat(file: Blob & { name: string }): Promise<string> {
  if (!/\.(csv|txt)$/i.test(file.name)) return '';
  const head = await file.slice(0, 4096).text();
  const firstLine = head.split(/\r?\n/)[0] ?? '';
  const count = (separator: string) => firstLine.split(separator).length - 1;
  const tabs = count('\t');
  return tabs > count(',') && tabs > count(';') ? 'tsv' : '';
}
