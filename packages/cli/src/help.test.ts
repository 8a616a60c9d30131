import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMAND_SPECS } from './command-specs.js';
import { helpText } from './help.js';

describe('helpText', () => {
  it('lists every command in the overview', () => {
    const text = helpText();
    expect(text.startsWith('Usage: segmint <command> [options]\n')).toBe(true);
    for (const name of COMMAND_NAMES) expect(text).toContain(`  ${name} `);
    expect(text).toContain('--version');
  });

  it('documents every option, positional and example of each command', () => {
    for (const name of COMMAND_NAMES) {
      const text = helpText(name);
      const spec = COMMAND_SPECS[name];
      expect(text).toContain(`Usage: segmint ${name}`);
      for (const option of Object.keys(spec.options)) expect(text).toContain(`--${option}`);
      for (const positional of spec.positionals) expect(text).toContain(`<${positional.name}>`);
      for (const example of spec.examples) expect(text).toContain(example);
    }
  });

  it('shows required options in the usage line', () => {
    expect(helpText('predict')).toContain(
      'Usage: segmint predict <file> --model <file> --output <file> [options]',
    );
    expect(helpText('init')).toContain('Usage: segmint init [path] [options]');
  });
});
