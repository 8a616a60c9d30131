/**
 * The command table: every command's positionals, options (as node:util parseArgs option
 * configs plus help text) and examples. Parsing (args.ts) and help (help.ts) are both generated
 * from this data, so a flag cannot be accepted without being documented or vice versa.
 */

/** Names of the segmint commands. */
export type CommandName = 'init' | 'profile' | 'run' | 'predict' | 'demo' | 'serve';

/** One flag: its parseArgs type, optional one-letter alias, value name and help line. */
export interface OptionSpec {
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  /** Placeholder shown in help for string options, e.g. 'file'. */
  readonly valueName?: string;
  readonly description: string;
}

/** One positional argument. */
export interface PositionalSpec {
  readonly name: string;
  readonly required: boolean;
  readonly description: string;
}

/** A command: summary, positionals, options and examples. */
export interface CommandSpec {
  readonly name: CommandName;
  readonly summary: string;
  readonly positionals: readonly PositionalSpec[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples: readonly string[];
}

const help: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help.' };
const json: OptionSpec = {
  type: 'boolean',
  description: 'Print the result as JSON on stdout (for scripts).',
};
const quiet: OptionSpec = {
  type: 'boolean',
  short: 'q',
  description: 'Print no progress on stderr.',
};

/** Every command, in the order `segmint --help` lists them. */
export const COMMAND_SPECS: Readonly<Record<CommandName, CommandSpec>> = {
  init: {
    name: 'init',
    summary: 'Write a commented example config file.',
    positionals: [
      { name: 'path', required: false, description: 'Where to write it (default: segmint.yaml).' },
    ],
    options: {
      force: { type: 'boolean', short: 'f', description: 'Overwrite the file if it exists.' },
      help,
    },
    examples: ['segmint init', 'segmint init configs/customers.yaml --force'],
  },
  profile: {
    name: 'profile',
    summary: 'Describe the columns of a data file (type, role, missing values, ranges).',
    positionals: [
      {
        name: 'file',
        required: true,
        description: 'A csv, tsv, csv.gz, parquet, json, ndjson or xlsx file.',
      },
    ],
    options: {
      json,
      delimiter: {
        type: 'string',
        short: 'd',
        valueName: 'char',
        description: 'Field delimiter of a CSV file (default: sniffed).',
      },
      sheet: {
        type: 'string',
        valueName: 'name',
        description: 'Sheet of an XLSX workbook (required when it has several).',
      },
      help,
    },
    examples: [
      'segmint profile customers.csv',
      'segmint profile book.xlsx --sheet Customers --json',
    ],
  },
  run: {
    name: 'run',
    summary: 'Run the pipeline described by a config file and write the segments and report.',
    positionals: [
      { name: 'config', required: false, description: 'The config file (same as --config).' },
    ],
    options: {
      config: {
        type: 'string',
        short: 'c',
        valueName: 'file',
        description: 'The YAML or JSON config file (required).',
      },
      output: {
        type: 'string',
        short: 'o',
        valueName: 'dir',
        description:
          "Output folder (default: the config's 'output', else ./segmint-out/<run id>/).",
      },
      previous: {
        type: 'string',
        valueName: 'dir',
        description:
          'Output folder of an earlier run: matching segments keep their ids and names, and the report says who moved.',
      },
      quiet,
      json,
      help,
    },
    examples: [
      'segmint run -c segmint.yaml',
      'segmint run -c segmint.yaml --output out/ --json',
      'segmint run -c segmint.yaml --previous segmint-out/last-month/',
    ],
  },
  predict: {
    name: 'predict',
    summary: 'Assign new rows to the segments of a saved model.',
    positionals: [
      { name: 'file', required: true, description: 'The data file with the new rows.' },
    ],
    options: {
      model: {
        type: 'string',
        short: 'm',
        valueName: 'file',
        description: 'The model.json written by segmint run (required).',
      },
      output: {
        type: 'string',
        short: 'o',
        valueName: 'file',
        description: 'Where to write the predictions: .csv, .parquet or .json (required).',
      },
      json,
      help,
    },
    examples: ['segmint predict -m out/model.json new-customers.csv -o predictions.csv'],
  },
  demo: {
    name: 'demo',
    summary: 'Generate demo customers and run the whole pipeline on them.',
    positionals: [],
    options: {
      dir: {
        type: 'string',
        valueName: 'dir',
        description: 'Folder for the demo data, config and outputs (default: segmint-demo).',
      },
      customers: {
        type: 'string',
        valueName: 'n',
        description: 'Number of customers to generate (default: 2000).',
      },
      seed: {
        type: 'string',
        valueName: 'n',
        description: 'Seed of the demo data generator (default: 0).',
      },
      rfm: {
        type: 'boolean',
        description: 'Segment the demo transactions with RFM instead of the customer table.',
      },
      quiet,
      json,
      help,
    },
    examples: ['segmint demo', 'segmint demo --dir /tmp/demo --customers 500 --rfm'],
  },
  serve: {
    name: 'serve',
    summary:
      'Start the dashboard and HTTP API server (datasets, runs, results, models); Ctrl-C stops it.',
    positionals: [],
    options: {
      host: {
        type: 'string',
        valueName: 'address',
        description: 'Address to bind (default: 127.0.0.1; any other needs a token).',
      },
      port: {
        type: 'string',
        short: 'p',
        valueName: 'n',
        description: 'TCP port (default: 8080; 0 picks a free one).',
      },
      'data-dir': {
        type: 'string',
        valueName: 'dir',
        description:
          'Folder for the catalog, uploads and runs (default: $SEGMINT_DATA_DIR, else ./segmint-data).',
      },
      'token-file': {
        type: 'string',
        valueName: 'file',
        description: 'File holding the bearer token (default: $SEGMINT_TOKEN); never printed.',
      },
      demo: {
        type: 'boolean',
        description:
          'Load the generated demo customers and segment them at start (once; kept across restarts).',
      },
      'graceful-timeout': {
        type: 'string',
        valueName: 'seconds',
        description:
          'On Ctrl-C/SIGTERM, let running runs finish for up to this long, then interrupt them (default: interrupt at once).',
      },
      help,
    },
    examples: [
      'segmint serve',
      'segmint serve --demo',
      'segmint serve --graceful-timeout 60',
      'segmint serve --host 0.0.0.0 --port 9000 --token-file /run/secrets/segmint',
    ],
  },
};

/** Command names in help order. */
export const COMMAND_NAMES: readonly CommandName[] = Object.keys(COMMAND_SPECS) as CommandName[];

/** True when `name` is a segmint command. */
export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_SPECS, name);
}
