import { parseArgs } from 'node:util';

export interface BenchOptions {
  durationSec: number;
  rounds: number;
  connections: number;
  startups: number;
  /** Search term; by default the most common word of the embedded catalog's product names. */
  query?: string;
}

/** A bad flag: printed as one line naming the flag and the fix, exit 2. */
export class BenchUsageError extends Error {}

const LIMITS = {
  duration: { min: 1, max: 60, fallback: 5, meaning: 'seconds per load run' },
  rounds: { min: 1, max: 10, fallback: 3, meaning: 'A B rounds' },
  connections: { min: 1, max: 500, fallback: 50, meaning: 'concurrent connections' },
  startups: { min: 1, max: 10, fallback: 3, meaning: 'starts of each server' },
} as const;

const USAGE = 'usage: npm run bench -- [--duration 5] [--rounds 3] [--connections 50] [--startups 3] [--query TERM]';

/** Reads the bench's flags; the defaults keep the whole run to about two minutes. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        duration: { type: 'string' },
        rounds: { type: 'string' },
        connections: { type: 'string' },
        startups: { type: 'string' },
        query: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BenchUsageError(`${(error as Error).message.split('\n')[0]}; ${USAGE}`);
  }
  if (values.query !== undefined && values.query.trim() === '')
    throw new BenchUsageError('--query must not be empty: give a search term, or leave the flag out');
  return {
    durationSec: whole('duration', values.duration),
    rounds: whole('rounds', values.rounds),
    connections: whole('connections', values.connections),
    startups: whole('startups', values.startups),
    query: values.query,
  };
}

function whole(flag: keyof typeof LIMITS, text: string | undefined): number {
  const limit = LIMITS[flag];
  if (text === undefined) return limit.fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < limit.min || value > limit.max) {
    throw new BenchUsageError(
      `--${flag} must be a whole number of ${limit.meaning} from ${limit.min} to ${limit.max}, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}
