/**
 * Help text, generated from the command table (command-specs.ts): `segmint --help` lists the
 * commands; `segmint <command> --help` shows its usage line, arguments, options and examples.
 */
import { COMMAND_NAMES, COMMAND_SPECS } from './command-specs.js';
import type { CommandName, CommandSpec, OptionSpec } from './command-specs.js';

function pad(text: string, width: number): string {
  return text.length >= width ? `${text}  ` : text.padEnd(width);
}

function optionLabel(name: string, option: OptionSpec): string {
  const short = option.short === undefined ? '    ' : `-${option.short}, `;
  const value = option.type === 'string' ? ` <${option.valueName ?? 'value'}>` : '';
  return `${short}--${name}${value}`;
}

function usageLine(spec: CommandSpec): string {
  const parts = [`segmint ${spec.name}`];
  for (const positional of spec.positionals)
    parts.push(positional.required ? `<${positional.name}>` : `[${positional.name}]`);
  const required = Object.entries(spec.options).filter(([, option]) =>
    option.description.includes('(required)'),
  );
  for (const [name, option] of required) parts.push(`--${name} <${option.valueName ?? 'value'}>`);
  parts.push('[options]');
  return parts.join(' ');
}

/**
 * The help text of one command, or the overview when `command` is undefined.
 *
 * @example
 * ```ts
 * helpText('init'); // "Usage: segmint init [path] [options]\n\nWrite a commented ..."
 * ```
 */
export function helpText(command?: CommandName): string {
  if (command === undefined) {
    const width = Math.max(...COMMAND_NAMES.map((name) => name.length)) + 4;
    return [
      'Usage: segmint <command> [options]',
      '',
      'Customer segmentation from a data file: trusted, explained segments in one command.',
      '',
      'Commands:',
      ...COMMAND_NAMES.map((name) => `  ${pad(name, width)}${COMMAND_SPECS[name].summary}`),
      '',
      'Options:',
      '  -h, --help       Show help (also: segmint help <command>, segmint <command> --help).',
      '  -v, --version    Print the version.',
      '',
      'Start with: segmint demo',
      '',
    ].join('\n');
  }
  const spec = COMMAND_SPECS[command];
  const optionRows = Object.entries(spec.options).map(
    ([name, option]) => [optionLabel(name, option), option.description] as const,
  );
  const positionalRows = spec.positionals.map(
    (positional) => [`<${positional.name}>`, positional.description] as const,
  );
  const width = Math.max(...[...optionRows, ...positionalRows].map(([label]) => label.length)) + 4;
  const lines = [`Usage: ${usageLine(spec)}`, '', spec.summary, ''];
  if (positionalRows.length > 0) {
    lines.push('Arguments:');
    for (const [label, text] of positionalRows) lines.push(`  ${pad(label, width)}${text}`);
    lines.push('');
  }
  lines.push('Options:');
  for (const [label, text] of optionRows) lines.push(`  ${pad(label, width)}${text}`);
  lines.push('', 'Examples:', ...spec.examples.map((example) => `  ${example}`), '');
  return lines.join('\n');
}
