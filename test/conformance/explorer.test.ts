import { CallbackReceiver, renderJson } from '../../src/conformance';
import { startMerchant, type Break, type RunningMerchant } from './merchants/reference-merchant';
import { AUTH, checkOf, verify, withStatus } from './support';

// The explorer as a user meets it: findings shrunk and replayable from their seed, every report
// stating the seed, a budget that bounds the calls, test orders cancelled (or listed), and the
// operations --no-destructive leaves alone left alone.
let receiver: CallbackReceiver;
const merchants: RunningMerchant[] = [];
beforeAll(async () => {
  receiver = await CallbackReceiver.start(0);
});
afterEach(async () => {
  await Promise.all(merchants.splice(0).map((m) => m.close()));
});
afterAll(() => receiver.close());

async function merchant(breaks?: Break): Promise<RunningMerchant> {
  const started = await startMerchant({ breaks, auth: AUTH, omnichatApi: receiver.url });
  merchants.push(started);
  return started;
}

/** A finding's journey without the run id and the order's number (how many journeys came before it). */
const journeyOf = (check: { journey?: { summary: string }[] }): string[] =>
  (check.journey ?? []).map((s) =>
    s.summary.replace(/mk-test-test\d+-explore-o1-\d+/g, 'ORDER').replace(/mk-test-test\d+/g, 'mk-test-RUN'),
  );

describe('the explorer', () => {
  it('shrinks a stock given back twice to the shortest journey, numbered, with the seed to replay it', async () => {
    const { report } = await verify(
      (await merchant('double-restock')).baseUrl,
      { exploreCalls: '36', seed: '7' },
      receiver,
    );
    const check = checkOf(report, 'orderCancellation', 'explored-stock');
    expect(check).toMatchObject({
      status: 'fail',
      fix: "give an order's stock back once when it is cancelled; a repeated cancellation, or a CANCELLED notification after it, gives nothing more",
      curl: expect.stringMatching(/^curl -sS -X GET '.*searchType=ID&query=CAM-BRANCA/),
    });
    // Validate, create, then the order's end: cancellation, CANCELLED, the cancellation again, a look at the stock.
    expect(journeyOf(check).map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual([
      'validate a',
      'create ORDER',
      'cancel ORDER:',
      'notify CANCELLED',
      'cancel ORDER',
      'stock, by',
    ]);
    expect(check.details?.at(-1)).toMatch(
      /^found with --seed 7 --explore-calls 36; 6 steps after \d+ shrinking steps?;/,
    );
    expect(check.journey?.every((s) => s.curl.startsWith('curl -sS'))).toBe(true);
    expect(report.exploration).toMatchObject({ seed: 7, budget: 36 });
    expect(report.exploration?.findings).toContain('orderCancellation/explored-stock');
    expect(report.meta.seed).toBe(7);
    expect(report.notes).toContainEqual(
      expect.stringMatching(/^explorer: seed 7, \d+ journeys?, \d+ calls? \(budget 36\); replay with --seed 7$/),
    );
  });

  it('replays the same journeys with the same seed against the same merchant state', async () => {
    const first = await verify(
      (await merchant('overstock-blames-first')).baseUrl,
      { exploreCalls: '36', seed: '11' },
      receiver,
    );
    const again = await verify(
      (await merchant('overstock-blames-first')).baseUrl,
      { exploreCalls: '36', seed: '11' },
      receiver,
    );
    const found = checkOf(first.report, 'orderValidation', 'explored-carts');
    expect(found.status).toBe('fail');
    expect(journeyOf(checkOf(again.report, 'orderValidation', 'explored-carts'))).toEqual(journeyOf(found));
    expect(again.report.exploration?.journeys).toBe(first.report.exploration?.journeys);
  });

  it('stays within its budget against a correct merchant, and the JSON report says what it did', async () => {
    const { report } = await verify((await merchant()).baseUrl, { exploreCalls: '20' }, receiver);
    const exploration = report.exploration;
    expect(exploration?.calls).toBeGreaterThan(0);
    expect(exploration?.calls).toBeLessThanOrEqual(20);
    expect(exploration?.findings).toEqual([]);
    expect(exploration?.notCancelled).toEqual([]);
    expect(report.meta.calls).toBeGreaterThan(exploration?.calls ?? 0);
    expect(JSON.parse(renderJson(report))).toMatchObject({ exploration: { budget: 20, seed: report.meta.seed } });
  });

  it('with --no-destructive explores search and validation only: nothing is created, notified or cancelled', async () => {
    const target = await merchant();
    const { report } = await verify(target.baseUrl, { exploreCalls: '36', destructive: false }, receiver);
    expect(target.hits.filter((hit) => /orderprovisioning|ordercancel|statuschange/.test(hit))).toEqual([]);
    expect(withStatus(report, 'pass')).toEqual(
      expect.arrayContaining(['productSearch/explored-text-search', 'orderValidation/explored-carts']),
    );
    expect(checkOf(report, 'orderValidation', 'explored-stock')).toMatchObject({
      status: 'skip',
      message: '--no-destructive: no test order is created, notified or cancelled',
    });
  });

  it('lists every order it could not cancel, in the notes and in the JSON report', async () => {
    const { report } = await verify((await merchant('cancellation-500')).baseUrl, { exploreCalls: '36' }, receiver);
    const left = report.exploration?.notCancelled ?? [];
    expect(left.length).toBeGreaterThan(0);
    for (const order of left) {
      expect(order).toEqual({ id: expect.stringMatching(/^mk-test-test\d+-explore-o1-\d+$/), answer: 'HTTP 500' });
      expect(report.notes).toContain(`test order ${order.id} could not be cancelled (HTTP 500): cancel it by hand`);
    }
  });

  it('is left out of the report with --explore-calls 0, which the JSON report says', async () => {
    const { report } = await verify((await merchant()).baseUrl, { exploreCalls: '0' }, receiver);
    expect(
      report.operations.flatMap((op) => op.checks.map((c) => c.id)).filter((id) => id.startsWith('explored-')),
    ).toEqual([]);
    expect(report.exploration).toMatchObject({
      budget: 0,
      calls: 0,
      skipped: 'the explorer is off (--explore-calls 0)',
    });
    expect(report.notes.filter((n) => n.startsWith('explorer:'))).toEqual([]);
  });
});
