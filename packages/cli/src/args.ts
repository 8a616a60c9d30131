/**
 * argv -> a typed options table, as a pure function (no I/O), so every command line can be
 * tested without running a command. Built on node:util `parseArgs` in strict mode with the
 * option tables of command-specs.ts; when strict parsing fails, a second non-strict pass over
 * the tokens finds the offending flag and a {@link UsageError} names it and suggests the closest
 * valid one ("unknown option '--forse' for 'segmint init'; did you mean '--force'?").
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { COMMAND_NAMES, COMMAND_SPECS, isCommandName } from './command-specs.js';
import type { CommandName, CommandSpec } from './command-specs.js';
import { UsageError } from './errors.js';
import type { ParsedCommand } from './parsed-command.js';
import { closestMatch } from './suggest.js';

export type {
  DemoCommand,
  HelpCommand,
  InitCommand,
  ParsedCommand,
  PredictCommand,
  ProfileCommand,
  RunCommand,
  ServeCommand,
  VersionCommand,
} from './parsed-command.js';

/** Default file written by `segmint init`. */
export const DEFAULT_INIT_PATH = 'segmint.yaml';
/** Default folder of `segmint demo`. */
export const DEFAULT_DEMO_DIR = 'segmint-demo';

type Values = Record<string, string | boolean | undefined>;

function flagName(spec: CommandSpec, name: string): string {
  const option = spec.options[name];
  return option?.short === undefined ? `--${name}` : `-${option.short}/--${name}`;
}

/** Finds why strict parsing failed, for a message that names the flag (see file header). */
function diagnose(
  spec: CommandSpec,
  args: readonly string[],
  options: ParseArgsConfig['options'],
  strictError: Error,
): UsageError {
  const where = `'segmint ${spec.name}'`;
  const { tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = spec.options[token.name];
    if (option === undefined) {
      const known = Object.keys(spec.options).map((name) => `--${name}`);
      const suggestion = token.rawName.startsWith('--')
        ? closestMatch(token.rawName, known)
        : undefined;
      return new UsageError(
        `unknown option '${token.rawName}' for ${where}` +
          (suggestion === undefined ? '' : `; did you mean '${suggestion}'?`),
        spec.name,
      );
    }
    if (option.type === 'boolean' && token.value !== undefined)
      return new UsageError(`option '${token.rawName}' takes no value`, spec.name);
    if (option.type === 'string' && (token.value === undefined || token.value.startsWith('-')))
      return new UsageError(
        `option '${token.rawName}' needs a value: ${token.rawName} <${option.valueName ?? 'value'}>` +
          (token.value === undefined
            ? ''
            : ` (write '--${token.name}=${token.value}' for a value starting with '-')`),
        spec.name,
      );
  }
  return new UsageError(strictError.message, spec.name);
}

function parseWithSpec(
  spec: CommandSpec,
  args: readonly string[],
): { values: Values; positionals: string[] } {
  const options: ParseArgsConfig['options'] = {};
  for (const [name, option] of Object.entries(spec.options))
    options[name] =
      option.short === undefined
        ? { type: option.type }
        : { type: option.type, short: option.short };
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true }) as {
      values: Values;
      positionals: string[];
    };
  } catch (error) {
    throw diagnose(spec, args, options, error as Error);
  }
  if (parsed.values.help === true) return parsed;
  const max = spec.positionals.length;
  if (parsed.positionals.length > max) {
    const extra = parsed.positionals[max] ?? '';
    throw new UsageError(
      max === 0
        ? `'segmint ${spec.name}' takes no arguments; got '${extra}'`
        : `unexpected argument '${extra}' (at most ${max}: ${spec.positionals.map((p) => `<${p.name}>`).join(' ')})`,
      spec.name,
    );
  }
  spec.positionals.forEach((positional, index) => {
    if (positional.required && parsed.positionals[index] === undefined)
      throw new UsageError(`missing argument <${positional.name}>`, spec.name);
  });
  return parsed;
}

function stringValue(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function requiredString(spec: CommandSpec, values: Values, name: string): string {
  const value = stringValue(values, name);
  if (value === undefined || value === '')
    throw new UsageError(`missing option ${flagName(spec, name)}`, spec.name);
  return value;
}

function integerValue(
  spec: CommandSpec,
  values: Values,
  name: string,
  minimum: number,
): number | undefined {
  const text = stringValue(values, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(value) || value < minimum)
    throw new UsageError(
      `option '--${name}' must be an integer >= ${minimum}; got '${text}'`,
      spec.name,
    );
  return value;
}

function parseCommand(name: CommandName, args: readonly string[]): ParsedCommand {
  const spec = COMMAND_SPECS[name];
  const { values, positionals } = parseWithSpec(spec, args);
  if (values.help === true) return { command: 'help', topic: name };
  const flag = (key: string): boolean => values[key] === true;
  switch (name) {
    case 'init':
      return { command: 'init', path: positionals[0] ?? DEFAULT_INIT_PATH, force: flag('force') };
    case 'profile':
      return {
        command: 'profile',
        file: positionals[0] ?? '',
        json: flag('json'),
        ...(stringValue(values, 'delimiter') === undefined
          ? {}
          : { delimiter: stringValue(values, 'delimiter') }),
        ...(stringValue(values, 'sheet') === undefined
          ? {}
          : { sheet: stringValue(values, 'sheet') }),
      };
    case 'run': {
      const fromFlag = stringValue(values, 'config');
      const fromPositional = positionals[0];
      if (fromFlag !== undefined && fromPositional !== undefined)
        throw new UsageError(
          `give the config once: '--config ${fromFlag}' or '${fromPositional}'`,
          name,
        );
      const config = fromFlag ?? fromPositional ?? requiredString(spec, values, 'config');
      const output = stringValue(values, 'output');
      const previous = stringValue(values, 'previous');
      return {
        command: 'run',
        config,
        ...(output === undefined ? {} : { output }),
        ...(previous === undefined ? {} : { previous }),
        quiet: flag('quiet'),
        json: flag('json'),
      };
    }
    case 'predict':
      return {
        command: 'predict',
        model: requiredString(spec, values, 'model'),
        file: positionals[0] ?? '',
        output: requiredString(spec, values, 'output'),
        json: flag('json'),
      };
    case 'demo': {
      const customers = integerValue(spec, values, 'customers', 1);
      const seed = integerValue(spec, values, 'seed', 0);
      return {
        command: 'demo',
        dir: stringValue(values, 'dir') ?? DEFAULT_DEMO_DIR,
        ...(customers === undefined ? {} : { customers }),
        ...(seed === undefined ? {} : { seed }),
        rfm: flag('rfm'),
        quiet: flag('quiet'),
        json: flag('json'),
      };
    }
    case 'serve': {
      const port = integerValue(spec, values, 'port', 0);
      if (port !== undefined && port > 65535)
        throw new UsageError(`option '--port' must be an integer <= 65535; got '${port}'`, name);
      const host = stringValue(values, 'host');
      const dataDir = stringValue(values, 'data-dir');
      const tokenFile = stringValue(values, 'token-file');
      const gracefulTimeout = integerValue(spec, values, 'graceful-timeout', 0);
      return {
        command: 'serve',
        ...(host === undefined ? {} : { host }),
        ...(port === undefined ? {} : { port }),
        ...(dataDir === undefined ? {} : { dataDir }),
        ...(tokenFile === undefined ? {} : { tokenFile }),
        ...(flag('demo') ? { demo: true } : {}),
        ...(gracefulTimeout === undefined ? {} : { gracefulTimeout }),
      };
    }
  }
}

/**
 * Parses a segmint command line (without `node` and the script path) into a typed command.
 * Pure: reads no files and no environment.
 *
 * @throws {@link UsageError} for an unknown command or flag (with the closest valid name), a
 *   missing required argument or value, too many arguments, or a malformed number.
 * @example
 * ```ts
 * parseCommandLine(['run', '-c', 'segmint.yaml', '--quiet']);
 * // { command: 'run', config: 'segmint.yaml', quiet: true, json: false }
 * ```
 */
export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  const [first, ...rest] = argv;
  if (first === undefined)
    throw new UsageError(`missing command; expected one of ${COMMAND_NAMES.join(', ')}`);
  if (first === '--help' || first === '-h') {
    if (rest.length > 0)
      throw new UsageError(`unexpected argument '${rest[0] ?? ''}' after --help`);
    return { command: 'help' };
  }
  if (first === '--version' || first === '-v' || first === '-V') {
    if (rest.length > 0)
      throw new UsageError(`unexpected argument '${rest[0] ?? ''}' after --version`);
    return { command: 'version' };
  }
  if (first === 'help') {
    const [topic, extra] = rest;
    if (extra !== undefined)
      throw new UsageError(`unexpected argument '${extra}' after 'help ${topic ?? ''}'`);
    if (topic === undefined) return { command: 'help' };
    if (!isCommandName(topic)) throw unknownCommand(topic);
    return { command: 'help', topic };
  }
  if (first.startsWith('-')) {
    const suggestion = closestMatch(first, ['--help', '--version']);
    throw new UsageError(
      `unknown option '${first}'; expected a command (${COMMAND_NAMES.join(', ')})` +
        (suggestion === undefined ? '' : ` or '${suggestion}'`),
    );
  }
  if (!isCommandName(first)) throw unknownCommand(first);
  return parseCommand(first, rest);
}

function unknownCommand(name: string): UsageError {
  const suggestion = closestMatch(name, [...COMMAND_NAMES, 'help']);
  return new UsageError(
    `unknown command '${name}'` +
      (suggestion === undefined
        ? `; expected one of ${COMMAND_NAMES.join(', ')}`
        : `; did you mean '${suggestion}'?`),
  );
}
