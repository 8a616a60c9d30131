import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { predictFile } from './predict-file.js';
import {
  dataset,
  hasSharedDatasets,
  readCsv,
  runYaml,
  temporaryFolder,
} from './test-utils/run-fixtures.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

// An analyst-notebook config on customer_personality (tab-separated, a dd-mm-yyyy signup date,
// 24 missing incomes, one absurd income): derived age, total spend, children, tenure, partner.
const CONFIG = `source:
  path: ${JSON.stringify(dataset('customer_personality', 'marketing_campaign.csv'))}
  dateFormat: "%d-%m-%Y"
id: ID
derive:
  - { type: age, column: Year_Birth, name: Age, asOf: "2015-01-01" }
  - { type: sum, columns: [MntWines, MntFruits, MntMeatProducts, MntFishProducts, MntSweetProducts, MntGoldProds], name: TotalSpend }
  - { type: sum, columns: [Kidhome, Teenhome], name: Children }
  - { type: tenure, column: Dt_Customer, name: TenureDays, asOf: "2015-01-01" }
  - type: map
    column: Marital_Status
    name: Partner
    mapping: { Married: 1, Together: 1 }
    default: 0
features: [Age, Income, TotalSpend, Children, TenureDays, Partner, Education]
cleaning:
  outliers: [{ rule: range, column: Income, max: 200000 }, { rule: range, column: Age, max: 100 }]
transform: { log1p: [TotalSpend] }
clustering: { algorithm: kmeans, k: { min: 2, max: 6 } }
output: out/
`;

describe.skipIf(!hasSharedDatasets)('customer personality with derived features', () => {
  it('derives, imputes, drops outliers from fitting, scores every row, and predict replays it', async () => {
    const dir = join(folder.dir, 'marketing');
    mkdirSync(dir);
    const { report, files } = await runYaml(dir, CONFIG);
    expect(report.features.derived).toEqual([
      'Age',
      'TotalSpend',
      'Children',
      'TenureDays',
      'Partner',
    ]);
    expect(report.features.numeric).toEqual([
      'Age',
      'Income',
      'TotalSpend',
      'Children',
      'TenureDays',
      'Partner',
    ]);
    expect(report.features.categorical).toEqual(['Education']);
    expect(
      report.cleaning.some(
        (line) => line.includes('24 missing values') && line.includes('"Income"'),
      ),
    ).toBe(true);
    // The 666,666 income and the three pre-1900 birth years are removed from fitting, not from the output.
    expect(report.rows.input).toBe(2240);
    expect(report.rows.outliers).toBe(4);
    const rows = readCsv(files.segmentsCsv);
    expect(rows).toHaveLength(2240);
    expect(rows.filter((r) => r.outlier === 'true')).toHaveLength(4);
    expect(rows[0]!.ID).toBe('5524');
    expect(report.segments).toHaveLength(report.k);
    expect(report.segments.every((s) => s.description.length > 0)).toBe(true);
    const model = JSON.parse(readFileSync(files.model, 'utf8')) as {
      run: { derive: unknown[]; sourceOptions: Record<string, unknown> };
    };
    expect(model.run.derive).toHaveLength(5);
    expect(model.run.sourceOptions).toEqual({ dateFormat: '%d-%m-%Y' });
    const predicted = join(dir, 'p.csv');
    await predictFile(
      files.model,
      dataset('customer_personality', 'marketing_campaign.csv'),
      predicted,
    );
    expect(readCsv(predicted).map((r) => r.segment)).toEqual(rows.map((r) => r.segment));
  });
});
