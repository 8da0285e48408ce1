import { checkOf, verify, withStatus } from '../conformance/support';
import {
  BrokenMerchants,
  HUGE_BODY_BYTES,
  nextHugeClose,
  redirectTargetHits,
  type Misbehaviour,
} from './runner-servers';

// The whole run (all five operations, not one request) against merchants that break at the transport
// level, through the runner's programmatic API. The client-level cases live in test/conformance.
const merchants = new BrokenMerchants();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await merchants.close();
});

// A merchant that never finishes its answer is cut off by the client's deadline, twice the time
// budget: the shortest budget --timeout takes, as these never answer whatever the machine's speed
// (a run waits one deadline per operation). Every other merchant gets a budget no loaded machine
// exceeds, so its verdict is about what it sent, never about the clock.
const SHORT = '100';
const DEADLINE = 'no complete answer within 200 ms';
const AMPLE = '60000';
const NEVER_FINISH: Misbehaviour[] = ['never answers', 'dribbles a byte a second'];
const budgetFor = (kind: Misbehaviour): string => (NEVER_FINISH.includes(kind) ? SHORT : AMPLE);

describe('a whole verify run against a merchant that breaks at the transport level', () => {
  it.each<[Misbehaviour, 'error' | 'fail', string]>([
    ['never answers', 'error', `could not check: ${DEADLINE}`],
    ['sends 50 MB', 'error', 'could not check: the body is larger than 10 MB; reading stopped there'],
    ['drops mid-body', 'error', 'could not check: the connection closed before the body was complete'],
    ['dribbles a byte a second', 'error', `could not check: ${DEADLINE}`],
    [
      'redirects to another origin',
      'fail',
      'redirected instead of answering: OmniChat calls exactly the configured URL and does not follow redirects; configure the final URL (it points to another origin, where your auth headers would not be sent)',
    ],
  ])(
    'ends answers-2xx of a merchant that %s as %s with the reason, passes nothing and exits 1',
    async (kind, status, message) => {
      const { report, exitCode } = await verify(await merchants.start(kind), { timeout: budgetFor(kind) });
      expect(checkOf(report, 'productSearch', 'answers-2xx')).toMatchObject({ status, message });
      // A redirect arrives in time, so within-time-budget may pass; nothing else does.
      expect(withStatus(report, 'pass').filter((id) => !id.endsWith('/within-time-budget'))).toEqual([]);
      expect(report.operations.map((op) => op.operation)).toEqual([
        'productSearch',
        'orderValidation',
        'orderCreation',
        'statusNotification',
        'orderCancellation',
      ]);
      expect(exitCode).toBe(1);
    },
  );

  it.each<[Misbehaviour, string]>([
    ['answers HTML with 200', 'the body is not JSON (Unexpected token'],
    ['answers invalid JSON with 200', 'the body is not JSON ('],
  ])('fails json-body of a merchant that %s, saying why, and exits 1', async (kind, reason) => {
    const { report, exitCode } = await verify(await merchants.start(kind), { timeout: budgetFor(kind) });
    expect(checkOf(report, 'productSearch', 'json-body')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining(reason),
    });
    expect(checkOf(report, 'productSearch', 'json-body').received).toMatch(/^HTTP 200: /);
    expect(exitCode).toBe(1);
  });

  it('stops reading each 50 MB body near the 10 MB cap, not at its end', async () => {
    const closed = nextHugeClose();
    const { report } = await verify(await merchants.start('sends 50 MB'), { timeout: AMPLE, only: 'productSearch' });
    expect(checkOf(report, 'productSearch', 'answers-2xx').status).toBe('error');
    const written = await closed;
    // Written into the socket, not read: the kernel buffers on both ends take a few MB more than the cap.
    expect(written).toBeGreaterThan(10 * 1024 * 1024);
    expect(written).toBeLessThan(HUGE_BODY_BYTES);
    process.stdout.write(`measured: 50 MB merchant wrote ${written} bytes before the runner hung up\n`);
  });

  it('never lets the auth header reach the origin a merchant redirects to', async () => {
    redirectTargetHits.length = 0;
    const { report } = await verify(await merchants.start('redirects to another origin'), { timeout: AMPLE });
    expect(checkOf(report, 'productSearch', 'answers-2xx').received).toMatch(
      /^HTTP 302 to http:\/\/127\.0\.0\.1:\d+\/v1\/products\/productsearch\?/,
    );
    expect(redirectTargetHits).toEqual([]);
  });

  it('leaves no unhandled promise rejection behind after all of these runs', () => {
    expect(unhandled).toEqual([]);
  });
});
