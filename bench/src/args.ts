/**
 * Command-line options of `npm run bench -- [options]` (pure parsing; run.ts prints errors).
 */

/** Parsed options. */
export interface BenchOptions {
  /** Reduced sizes (about 1/10 of n) and fewer repetitions. */
  readonly quick: boolean;
  /** Timed repetitions per side; the reported time is their median. */
  readonly repetitions: number;
  /** Case names to run (all when empty). */
  readonly cases: readonly string[];
  /** With --quick: also write results/latest.json and the full README section. */
  readonly updateFull: boolean;
  /** Skip scikit-learn (Python) entirely. */
  readonly skipSklearn: boolean;
  /** Skip the npm peers (ml-kmeans, skmeans, ml-pca). */
  readonly skipPeers: boolean;
  /** A peer whose first run takes longer than this is not repeated. */
  readonly peerBudgetSeconds: number;
  /** Print usage and exit. */
  readonly help: boolean;
}

/** Repetitions: 5 for a full run, 3 for --quick. */
export const DEFAULT_REPETITIONS = { full: 5, quick: 3 } as const;

/** Default for --peer-budget (seconds). */
export const DEFAULT_PEER_BUDGET_SECONDS = 20;

/** The usage text printed by --help. */
export const USAGE = `Usage: npm run bench -- [options]

  --quick              reduced sizes (about n/10), 3 repetitions; writes results/quick.json
  --reps N             timed repetitions per side (default 5, quick 3); medians are reported
  --case NAME          run only this case (repeatable, or comma-separated):
                       kmeans, kmeans++, pca, silhouette, minibatch-kmeans
  --update-full        with --quick, also overwrite results/latest.json and the full README table
  --no-sklearn         skip scikit-learn
  --no-peers           skip ml-kmeans, skmeans and ml-pca
  --peer-budget S      a peer whose first run exceeds S seconds runs only once (default 20)
  --help               this text`;

function positiveInteger(flag: string, value: string | undefined): number {
  const parsed = Number(value);
  if (value === undefined || !Number.isInteger(parsed) || parsed < 1) {
    throw new Error(`bench: '${flag}' needs a positive integer; got ${value ?? 'nothing'}.`);
  }
  return parsed;
}

/**
 * Parses argv (without the node and script entries).
 * @throws Error naming the flag for unknown flags and bad values.
 * @example parseArgs(['--quick', '--case', 'kmeans']).repetitions // 3
 */
export function parseArgs(argv: readonly string[]): BenchOptions {
  let quick = false;
  let repetitions: number | undefined;
  const cases: string[] = [];
  let updateFull = false;
  let skipSklearn = false;
  let skipPeers = false;
  let peerBudgetSeconds = DEFAULT_PEER_BUDGET_SECONDS;
  let help = false;
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = argv[index]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string | undefined => inline ?? argv[++index];
    switch (flag) {
      case '--quick':
        quick = true;
        break;
      case '--reps':
        repetitions = positiveInteger(flag, value());
        break;
      case '--case': {
        const names = value();
        if (!names) throw new Error(`bench: '--case' needs a case name.`);
        cases.push(...names.split(',').filter((name) => name.length > 0));
        break;
      }
      case '--update-full':
        updateFull = true;
        break;
      case '--no-sklearn':
        skipSklearn = true;
        break;
      case '--no-peers':
        skipPeers = true;
        break;
      case '--peer-budget':
        peerBudgetSeconds = positiveInteger(flag, value());
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new Error(`bench: unknown option '${argv[index]}'. Try --help.`);
    }
  }
  return {
    quick,
    repetitions: repetitions ?? (quick ? DEFAULT_REPETITIONS.quick : DEFAULT_REPETITIONS.full),
    cases,
    updateFull,
    skipSklearn,
    skipPeers,
    peerBudgetSeconds,
    help,
  };
}
