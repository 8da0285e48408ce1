import { runCli } from '../support/run-cli';
import { startServe } from '../support/serve-child';
import { SMALL_CATALOG_PATH } from './helpers';
import { urlsOf } from './verify-console';

// serve's flags for runs from the QA console: bad values are one line naming the flag (exit 2), and
// what they set is what the admin API says.

describe('merchant-kit serve, runs from the QA console', () => {
  it.each([
    [['--max-verify-runs', '0'], '--max-verify-runs must be a whole number from 1 to 16, got "0"'],
    [
      ['--verify-time-limit', '0'],
      '--verify-time-limit must be a duration from 1s to 365d such as 5m: a run always ends',
    ],
    [['--verify-time-limit', 'soon'], '--verify-time-limit must be a duration from 1s to 365d'],
    [['--verify-history', '-1'], '--verify-history must be a whole number from 0 to 10000'],
    [['--public-url', 'ftp://mock.example.com'], '--public-url must be the http(s) URL clients reach this server by'],
    [['--public-url', 'https://user:s3cret-pw@mock.example.com'], '--public-url must be the http(s) URL'],
    [
      ['--public-url', 'https://mock.example.com'],
      '--public-url https://mock.example.com makes the admin API (and its runs of verify, which call other servers) reachable from other machines: add --admin-token T',
    ],
  ])('refuses %j in one line naming the flag (exit 2)', async (flags, message) => {
    const result = await runCli(['serve', '--port', '0', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain('s3cret-pw');
  });

  it('takes the limits and the public URL the flags give (merchants call back there)', async () => {
    const server = await startServe([
      '--quiet',
      '--catalog',
      SMALL_CATALOG_PATH,
      '--max-verify-runs',
      '3',
      '--verify-time-limit',
      '90s',
      '--verify-history',
      '7',
      '--public-url',
      'https://mock.example.com/',
      '--admin-token',
      'adm-1',
    ]);
    try {
      const res = await fetch(`${server.origin}/__admin/verify-runs`, { headers: { authorization: 'Bearer adm-1' } });
      expect(await res.json()).toMatchObject({
        maxRunning: 3,
        timeLimitSeconds: 90,
        callbackUrl: 'https://mock.example.com/__verify/callbacks',
        history: { maxRuns: 7 },
      });
    } finally {
      await server.stop();
    }
  });

  it('refuses a private target by default, and names the flag that allows it', async () => {
    const server = await startServe(['--quiet', '--catalog', SMALL_CATALOG_PATH]);
    try {
      const res = await fetch(`${server.origin}/__admin/verify-runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ config: { urls: urlsOf(server.url) } }),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toContain(
        'points to 127.0.0.1, a loopback address (the server itself): a run from the QA console does not reach the network its server sits in; start serve with --verify-allow-private',
      );
    } finally {
      await server.stop();
    }
  });
});
