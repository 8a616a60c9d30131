/**
 * The typed options table of every command line: what {@link parseCommandLine} in args.ts
 * returns, a union discriminated on `command`.
 */
import type { CommandName } from './command-specs.js';

/** `segmint --help`, `segmint help [command]` or `segmint <command> --help`. */
export interface HelpCommand {
  readonly command: 'help';
  readonly topic?: CommandName;
}
/** `segmint --version`. */
export interface VersionCommand {
  readonly command: 'version';
}
/** `segmint init [path] [--force]`. */
export interface InitCommand {
  readonly command: 'init';
  readonly path: string;
  readonly force: boolean;
}
/** `segmint profile <file> [--json] [--delimiter X] [--sheet S]`. */
export interface ProfileCommand {
  readonly command: 'profile';
  readonly file: string;
  readonly json: boolean;
  readonly delimiter?: string;
  readonly sheet?: string;
}
/** `segmint run -c config.yaml [--output DIR] [--previous DIR] [--quiet] [--json]`. */
export interface RunCommand {
  readonly command: 'run';
  readonly config: string;
  readonly output?: string;
  /** Output folder of an earlier run whose segment ids and names to keep. */
  readonly previous?: string;
  readonly quiet: boolean;
  readonly json: boolean;
}
/** `segmint predict -m model.json <file> -o out.csv [--json]`. */
export interface PredictCommand {
  readonly command: 'predict';
  readonly model: string;
  readonly file: string;
  readonly output: string;
  readonly json: boolean;
}
/** `segmint demo [--dir DIR] [--customers N] [--seed S] [--rfm] [--quiet] [--json]`. */
export interface DemoCommand {
  readonly command: 'demo';
  readonly dir: string;
  readonly customers?: number;
  readonly seed?: number;
  readonly rfm: boolean;
  readonly quiet: boolean;
  readonly json: boolean;
}
/** `segmint serve [--host H] [--port N] [--data-dir DIR] [--token-file F]`. */
export interface ServeCommand {
  readonly command: 'serve';
  readonly host?: string;
  readonly port?: number;
  readonly dataDir?: string;
  readonly tokenFile?: string;
  /** Load and segment the demo customers at start. */
  readonly demo?: boolean;
  /** Seconds running runs may take to finish on shutdown before they are interrupted. */
  readonly gracefulTimeout?: number;
}

/** Every parsed command line (a discriminated union on `command`). */
export type ParsedCommand =
  | HelpCommand
  | VersionCommand
  | InitCommand
  | ProfileCommand
  | RunCommand
  | PredictCommand
  | DemoCommand
  | ServeCommand;
