import { ERROR_CODES, SegmintError } from '@segmint/engine';
import { describe, expect, test } from 'vitest';
import type { ConfigIssue } from './issues.js';
import { parseConfig, validateConfig } from './parse.js';

/** Parses `text` expecting an INVALID_CONFIG error; returns it. */
function failure(text: string, file = 'segmint.yaml'): SegmintError {
  try {
    parseConfig(text, { file });
  } catch (error) {
    expect(error).toBeInstanceOf(SegmintError);
    const segmintError = error as SegmintError;
    expect(segmintError.code).toBe(ERROR_CODES.INVALID_CONFIG);
    expect(segmintError.details.file).toBe(file);
    return segmintError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

function issuesOf(error: SegmintError): ConfigIssue[] {
  return error.details.issues as ConfigIssue[];
}

describe('unknown keys', () => {
  test('a misspelt top-level key names the line and suggests the key', () => {
    // The contract check's config (cli-contract.sh greps the log for 'clustering').
    const error = failure('source: iris.csv\nclusterin:\n  algorithm: kmeans\n');
    expect(error.message).toBe(
      "segmint.yaml: unknown key 'clusterin' at line 2:1; did you mean 'clustering'?",
    );
    expect(error.details).toMatchObject({ path: 'clusterin', line: 2, column: 1 });
    expect(error.details.suggestion).toBe('clustering');
  });

  test('a misspelt nested key names its full path and suggests the key at that level', () => {
    const error = failure('source: a.csv\nclustering:\n  algoritm: kmeans\n');
    expect(error.message).toBe(
      "segmint.yaml: unknown key 'clustering.algoritm' at line 3:3; did you mean 'algorithm'?",
    );
    const deeper = failure('source: a.csv\ncleaning:\n  impute: { numerc: mean }\n');
    expect(deeper.message).toContain("unknown key 'cleaning.impute.numerc' at line 3:13");
    expect(deeper.details.suggestion).toBe('numeric');
  });

  test('a key at the wrong level points to where it belongs', () => {
    const error = failure('source: a.csv\nk: 4\n');
    expect(error.message).toBe(
      "segmint.yaml: unknown key 'k' at line 2:1; did you mean 'clustering.k'?",
    );
  });

  test('an unrelated key lists the allowed keys', () => {
    const error = failure('source: a.csv\nreduction: { method: pca, banana: 1 }\n');
    expect(error.message).toBe(
      "segmint.yaml: unknown key 'reduction.banana' at line 2:27; allowed keys in 'reduction': method, components.",
    );
    expect(error.details.suggestion).toBeUndefined();
  });

  test('unknown keys inside list items and k ranges are caught too', () => {
    const outlier = failure('source: a.csv\ncleaning:\n  outliers:\n    - { rule: iqr, kk: 2 }\n');
    expect(outlier.message).toContain("unknown key 'cleaning.outliers[0].kk' at line 4:20");
    expect(outlier.details.suggestion).toBe('k');
    const range = failure('source: a.csv\nclustering: { k: { min: 2, maxx: 9 } }\n');
    expect(issuesOf(range).map((issue) => issue.path)).toContain('clustering.k.maxx');
  });
});

describe('wrong types and values', () => {
  test("clustering.k: 'five' names the line:column, the expectation and the value", () => {
    const error = failure('source: a.csv\nclustering:\n  algorithm: kmeans\n  k: five\n');
    expect(error.message).toBe(
      "segmint.yaml: 'clustering.k' at line 4:6 must be an integer >= 1 or { min, max }; got 'five'.",
    );
    expect(error.details).toMatchObject({
      path: 'clustering.k',
      line: 4,
      column: 6,
      expected: 'an integer >= 1 or { min, max }',
      found: "'five'",
    });
  });

  test('k = 0 and k = 2.5 get the same expectation', () => {
    for (const k of ['0', '2.5', '-3']) {
      expect(failure(`source: a.csv\nclustering: { k: ${k} }\n`).message).toContain(
        `must be an integer >= 1 or { min, max }; got ${Number(k)}`,
      );
    }
  });

  test('a k range with min > max is rejected, naming the range', () => {
    const error = failure('source: a.csv\nclustering:\n  k: { min: 8, max: 3 }\n');
    expect(error.message).toBe(
      "segmint.yaml: 'clustering.k' at line 3:6 must be a range with max >= min; got { min: 8, max: 3 }.",
    );
  });

  test('a k range needs min >= 2 and max <= 50', () => {
    const low = failure('source: a.csv\nclustering: { k: { min: 1, max: 5 } }\n');
    expect(low.message).toContain(
      "'clustering.k.min' at line 2:25 must be an integer in [2, 50]; got 1",
    );
    const high = failure('source: a.csv\nclustering: { k: { min: 2, max: 80 } }\n');
    expect(high.message).toContain(
      "'clustering.k.max' at line 2:33 must be an integer in [2, 50]; got 80",
    );
  });

  test('an unknown algorithm names the allowed ones', () => {
    const error = failure('source: a.csv\nclustering:\n  algorithm: spectral\n');
    expect(error.message).toBe(
      "segmint.yaml: 'clustering.algorithm' at line 3:14 must be 'kmeans', 'minibatch-kmeans', 'dbscan', 'hdbscan', 'agglomerative', 'gmm' or 'kprototypes', or a list of them; got 'spectral'.",
    );
  });

  test('a misspelt algorithm, alone or in a list, suggests the right one', () => {
    const alone = failure('source: a.csv\nclustering: { algorithm: kmean }\n');
    expect(alone.message).toContain("got 'kmean'; did you mean 'kmeans'?");
    const listed = failure('source: a.csv\nclustering:\n  algorithm: [kmeans, minibatch-kmeens]\n');
    expect(listed.message).toBe(
      "segmint.yaml: 'clustering.algorithm[1]' at line 3:23 must be one of 'kmeans', 'minibatch-kmeans', 'dbscan', 'hdbscan', 'agglomerative', 'gmm' or 'kprototypes'; got 'minibatch-kmeens'; did you mean 'minibatch-kmeans'?",
    );
  });

  test('enums, numbers in ranges, lists and mappings say what they expect', () => {
    const cases: [string, string][] = [
      [
        'scaling: zscore',
        "'scaling' at line 2:10 must be one of 'standard', 'min-max', 'robust' or 'none'; got 'zscore'",
      ],
      [
        'cleaning: { dropMissingAbove: 1.5 }',
        "'cleaning.dropMissingAbove' at line 2:31 must be a number in [0, 1]; got 1.5",
      ],
      [
        'features: Age',
        "'features' at line 2:11 must be a non-empty list of column names; got 'Age'",
      ],
      ['features: []', "'features' at line 2:11 must be a non-empty list of column names; got []"],
      ['cleaning: 5', "'cleaning' at line 2:11 must be a mapping (key: value lines); got 5"],
      ['seed: -1', "'seed' at line 2:7 must be an integer in [0, 4294967295]; got -1"],
      [
        'selection: { criteria: [elbow, gap] }',
        "'selection.criteria[1]' at line 2:32 must be one of 'elbow', 'silhouette', 'calinski-harabasz', 'davies-bouldin' or 'stability'; got 'gap'",
      ],
      [
        'source: { path: a.csv, delimiter: ";;" }',
        "'source.delimiter' at line 1:35 must be a single character",
      ],
      [
        'cleaning: { outliers: [{ rule: iqrr }] }',
        "'cleaning.outliers[0].rule' at line 2:32 must be one of 'iqr', 'z-score' or 'range'; got 'iqrr'; did you mean 'iqr'?",
      ],
      [
        'derive: [{ type: sum, columns: [a, a], name: s }]',
        "'derive[0].columns[1]' at line 2:36 must be a column not already listed ('a' appears twice); got 'a'",
      ],
      [
        'id: ID\nfeatures: [Age, ID]',
        "'features[1]' at line 3:17 must be a feature other than the id column 'ID'; got 'ID'",
      ],
    ];
    for (const [lines, expected] of cases) {
      const text = lines.startsWith('source:') ? `${lines}\n` : `source: a.csv\n${lines}\n`;
      expect(failure(text).message, lines).toContain(expected);
    }
  });

  test('a missing required key is named with the line of its mapping', () => {
    const error = failure(
      'source: a.csv\ntransactions:\n  customer: CustomerID\n  date: InvoiceDate\n',
    );
    expect(error.message).toBe(
      "segmint.yaml: 'transactions.price' is missing at line 2:1: it must be a column name.",
    );
    expect(failure('clustering: { k: 3 }\n').message).toBe(
      "segmint.yaml: 'source' is missing at line 1:1: it must be a file path, or a mapping { path, format?, delimiter?, header?, sheet?, dateFormat?, types? }.",
    );
  });

  test('every problem is listed in details.issues, sorted by line; the first is the message', () => {
    const error = failure(
      'source: a.csv\nscaling: zscore\nclustering:\n  k: { min: 9, max: 3 }\n  algoritm: kmeans\nseed: -1\n',
    );
    const issues = issuesOf(error);
    expect(issues.map((issue) => [issue.path, issue.line])).toEqual([
      ['scaling', 2],
      ['clustering.k', 4],
      ['clustering.algoritm', 5],
      ['seed', 6],
    ]);
    expect(error.message).toBe(
      "segmint.yaml: 'scaling' at line 2:10 must be one of 'standard', 'min-max', 'robust' or 'none'; got 'zscore' (and 3 more problems).",
    );
  });
});

describe('whole-file problems', () => {
  test('an empty file, or one with only comments', () => {
    for (const text of ['', '\n\n', '# nothing here\n']) {
      expect(failure(text).message).toBe(
        "segmint.yaml: the config is empty; it needs at least 'source: <your data file>'.",
      );
    }
  });

  test('a YAML syntax error names its line', () => {
    const error = failure('source: a.csv\nclustering:\n  k: [2, 3\nseed: 1\n');
    expect(error.message).toMatch(/^segmint\.yaml: YAML syntax error at line \d+:\d+: /);
    expect(error.details.line).toBeGreaterThanOrEqual(3);
    const indent = failure('source: a.csv\n  k: 3\n');
    expect(indent.message).toMatch(/^segmint\.yaml: YAML syntax error at line 1:/);
  });

  test('a duplicate key is a syntax error on its line', () => {
    const error = failure('source: a.csv\nseed: 1\nseed: 2\n');
    expect(error.message).toContain('YAML syntax error at line 3:1');
  });

  test('an alias explosion is refused as a config error', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level <= 8; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const error = failure(`source: a.csv\n${lines.join('\n')}\n`);
    expect(error.message).toMatch(/^segmint\.yaml: the YAML cannot be expanded: /);
  });

  test('a config that is not a mapping', () => {
    expect(failure('- source: a.csv\n').message).toBe(
      "segmint.yaml: the config must be a mapping of keys such as 'source: customers.csv'; got a list.",
    );
    expect(failure('just some words\n').message).toContain('got string');
    expect(() => validateConfig(null)).toThrow(/got nothing/);
    expect(() => validateConfig(42)).toThrow(/got number/);
  });

  test('objects get key paths without lines; the file defaults to "config"', () => {
    expect(() => validateConfig({ source: 'a.csv', clustering: { k: 'x' } })).toThrow(
      "config: 'clustering.k' must be an integer >= 1 or { min, max }; got 'x'.",
    );
  });
});
