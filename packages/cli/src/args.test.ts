import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './args.js';
import type { ParsedCommand } from './args.js';
import { COMMAND_NAMES, COMMAND_SPECS } from './command-specs.js';
import { UsageError } from './errors.js';

function usageError(argv: string[]): UsageError {
  try {
    parseCommandLine(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`expected a usage error for ${JSON.stringify(argv)}`);
}

describe('parseCommandLine: argv -> options table', () => {
  const table: [string[], ParsedCommand][] = [
    [['--help'], { command: 'help' }],
    [['-h'], { command: 'help' }],
    [['help'], { command: 'help' }],
    [['help', 'run'], { command: 'help', topic: 'run' }],
    [['run', '--help'], { command: 'help', topic: 'run' }],
    [['predict', '-h'], { command: 'help', topic: 'predict' }],
    [['--version'], { command: 'version' }],
    [['-v'], { command: 'version' }],
    [['init'], { command: 'init', path: 'segmint.yaml', force: false }],
    [['init', 'conf/a.yaml', '--force'], { command: 'init', path: 'conf/a.yaml', force: true }],
    [['init', '-f'], { command: 'init', path: 'segmint.yaml', force: true }],
    [['profile', 'a.csv'], { command: 'profile', file: 'a.csv', json: false }],
    [
      ['profile', 'a.tsv', '--json', '--delimiter', '\t', '--sheet', 'S 1'],
      { command: 'profile', file: 'a.tsv', json: true, delimiter: '\t', sheet: 'S 1' },
    ],
    [
      ['profile', '-d;', 'a.csv'],
      { command: 'profile', file: 'a.csv', json: false, delimiter: ';' },
    ],
    [['run', '-c', 'x.yaml'], { command: 'run', config: 'x.yaml', quiet: false, json: false }],
    [['run', 'x.yaml'], { command: 'run', config: 'x.yaml', quiet: false, json: false }],
    [
      ['run', 'x.yaml', '--previous', 'out/jan/'],
      { command: 'run', config: 'x.yaml', previous: 'out/jan/', quiet: false, json: false },
    ],
    [
      ['run', '--config=x.yaml', '--output', 'out/', '-q', '--json'],
      { command: 'run', config: 'x.yaml', output: 'out/', quiet: true, json: true },
    ],
    [
      ['predict', '-m', 'out/model.json', 'new.csv', '-o', 'p.csv'],
      {
        command: 'predict',
        model: 'out/model.json',
        file: 'new.csv',
        output: 'p.csv',
        json: false,
      },
    ],
    [
      ['predict', 'new.csv', '--model', 'm.json', '--output=p.parquet', '--json'],
      { command: 'predict', model: 'm.json', file: 'new.csv', output: 'p.parquet', json: true },
    ],
    [['demo'], { command: 'demo', dir: 'segmint-demo', rfm: false, quiet: false, json: false }],
    [
      ['demo', '--dir', '/tmp/d', '--customers', '300', '--seed=7', '--rfm', '-q', '--json'],
      {
        command: 'demo',
        dir: '/tmp/d',
        customers: 300,
        seed: 7,
        rfm: true,
        quiet: true,
        json: true,
      },
    ],
  ];
  it.each(table)('%j', (argv, expected) => {
    expect(parseCommandLine(argv)).toEqual(expected);
  });

  it('does not mutate argv', () => {
    const argv = ['run', '-c', 'x.yaml'];
    parseCommandLine(argv);
    expect(argv).toEqual(['run', '-c', 'x.yaml']);
  });
});

describe('parseCommandLine: usage errors', () => {
  it('rejects a missing command', () => {
    expect(usageError([]).message).toMatch(/missing command; expected one of init, profile/);
  });

  it('suggests the closest command', () => {
    expect(usageError(['rn']).message).toBe("unknown command 'rn'; did you mean 'run'?");
    expect(usageError(['predcit']).message).toContain("did you mean 'predict'?");
    expect(usageError(['help', 'inti']).message).toContain("did you mean 'init'?");
    expect(usageError(['frobnicate']).message).toBe(
      "unknown command 'frobnicate'; expected one of init, profile, run, predict, demo, serve",
    );
  });

  it('suggests the closest flag of the command and names the command', () => {
    const error = usageError(['init', '--forse']);
    expect(error.message).toBe(
      "unknown option '--forse' for 'segmint init'; did you mean '--force'?",
    );
    expect(error.command).toBe('init');
    expect(usageError(['run', '-c', 'a.yaml', '--quite']).message).toContain("'--quiet'");
    expect(usageError(['run', '--zzzzzz']).message).toBe(
      "unknown option '--zzzzzz' for 'segmint run'",
    );
    expect(usageError(['demo', '-x']).message).toBe("unknown option '-x' for 'segmint demo'");
    // A flag of another command is unknown here.
    expect(usageError(['init', '--json']).message).toContain("unknown option '--json'");
  });

  it('rejects an unknown global flag with a suggestion', () => {
    expect(usageError(['--verison']).message).toContain("'--version'");
  });

  it('requires values for string options', () => {
    expect(usageError(['run', '--config']).message).toMatch(/option '--config' needs a value/);
    expect(usageError(['run', '-c', '--quiet']).message).toMatch(/option '-c' needs a value/);
    expect(usageError(['demo', '--seed', '-1']).message).toContain("'--seed=-1'");
  });

  it('rejects values for boolean options', () => {
    expect(usageError(['init', '--force=yes']).message).toBe("option '--force' takes no value");
  });

  it('requires the required options and positionals', () => {
    expect(usageError(['run']).message).toBe('missing option -c/--config');
    expect(usageError(['profile']).message).toBe('missing argument <file>');
    expect(usageError(['predict', 'a.csv', '-o', 'p.csv']).message).toBe(
      'missing option -m/--model',
    );
    expect(usageError(['predict', 'a.csv', '-m', 'm.json']).message).toBe(
      'missing option -o/--output',
    );
    expect(usageError(['predict', '-m', 'm.json', '-o', 'p.csv']).message).toBe(
      'missing argument <file>',
    );
  });

  it('rejects extra positionals and a config given twice', () => {
    expect(usageError(['init', 'a.yaml', 'b.yaml']).message).toContain(
      "unexpected argument 'b.yaml'",
    );
    expect(usageError(['demo', 'x']).message).toBe("'segmint demo' takes no arguments; got 'x'");
    expect(usageError(['run', 'a.yaml', '-c', 'b.yaml']).message).toContain('give the config once');
    expect(usageError(['--version', 'x']).message).toContain("unexpected argument 'x'");
  });

  it('validates integers', () => {
    expect(usageError(['demo', '--customers', 'many']).message).toBe(
      "option '--customers' must be an integer >= 1; got 'many'",
    );
    expect(usageError(['demo', '--customers', '0']).message).toContain('>= 1');
    expect(usageError(['demo', '--customers', '2.5']).message).toContain('integer');
    expect(usageError(['demo', '--seed=-3']).message).toContain('>= 0');
  });

  it('accepts --help on every command even with other arguments missing', () => {
    for (const name of COMMAND_NAMES)
      expect(parseCommandLine([name, '--help'])).toEqual({ command: 'help', topic: name });
  });

  it('gives every option a help line and unique short aliases', () => {
    for (const name of COMMAND_NAMES) {
      const shorts = Object.values(COMMAND_SPECS[name].options).flatMap((option) =>
        option.short === undefined ? [] : [option.short],
      );
      expect(new Set(shorts).size).toBe(shorts.length);
      for (const option of Object.values(COMMAND_SPECS[name].options))
        expect(option.description.length).toBeGreaterThan(5);
    }
  });
});
