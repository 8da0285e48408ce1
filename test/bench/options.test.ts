import { BenchUsageError, parseOptions } from '../../src/bench/options';

describe('bench options', () => {
  it('defaults to 3 rounds of 5 s with 50 connections and 3 starts', () => {
    expect(parseOptions([])).toEqual({ durationSec: 5, rounds: 3, connections: 50, startups: 3, query: undefined });
  });

  it('reads every flag', () => {
    expect(
      parseOptions([
        '--duration',
        '2',
        '--rounds',
        '1',
        '--connections',
        '10',
        '--startups',
        '2',
        '--query',
        'camiseta',
      ]),
    ).toEqual({
      durationSec: 2,
      rounds: 1,
      connections: 10,
      startups: 2,
      query: 'camiseta',
    });
  });

  it.each([
    [['--duration', '0'], /--duration must be a whole number of seconds per load run from 1 to 60, got "0"/],
    [['--rounds', 'many'], /--rounds must be a whole number/],
    [['--connections', '2.5'], /--connections must be a whole number/],
    [['--query', ' '], /--query must not be empty/],
    [['--bogus'], /Unknown option '--bogus'.*usage: npm run bench/],
  ])('rejects %p with a message naming the flag', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(BenchUsageError);
    expect(() => parseOptions(argv)).toThrow(message);
  });
});
