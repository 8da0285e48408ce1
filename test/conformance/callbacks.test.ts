import net from 'node:net';
import { CallbackReceiver, runConfigFromFlags, runVerify } from '../../src/conformance';
import { UsageError } from '../../src/common/usage-error';
import { startMerchant } from './merchants/reference-merchant';
import { AUTH, checkOf, JumpingClock, verify } from './support';

/** The clock jumps 10 s while the creation's answer is on its way: a 60 s budget keeps the answer from timing out meanwhile. */
const JUMPS = { only: 'orderCreation', timeout: '60000' };

describe('callback-received', () => {
  let receiver: CallbackReceiver;
  beforeAll(async () => {
    receiver = await CallbackReceiver.start(0);
  });
  afterAll(() => receiver.close());

  it.each([
    ['own checkout, provisions with code 200 and a checkoutUrl', 'own', 200, 'pass', 'provisions received and valid'],
    [
      'own checkout, provisions with code 400',
      'own',
      400,
      'fail',
      'the order was not provisioned (provisions code 400)',
    ],
  ] as const)('judges %s', async (_name, checkout, provisionsCode, status, message) => {
    const merchant = await startMerchant({ auth: AUTH, omnichatApi: receiver.url, checkout, provisionsCode });
    try {
      const { report } = await verify(merchant.baseUrl, { only: 'orderCreation' }, receiver, { checkout });
      expect(checkOf(report, 'orderCreation', 'callback-received')).toMatchObject({ status, message });
    } finally {
      await merchant.close();
    }
  });

  it('names the call it expected when none came within the 10 s window (10 s on a clock that jumps, not waited)', async () => {
    const clock = new JumpingClock();
    const timed = await CallbackReceiver.start(0, { clock });
    const merchant = await startMerchant({ auth: AUTH, afterCreation: () => clock.jump(10_001) });
    try {
      const { report } = await verify(merchant.baseUrl, JUMPS, timed, {}, 'en', { clock });
      expect(checkOf(report, 'orderCreation', 'callback-received')).toMatchObject({
        status: 'fail',
        message: expect.stringMatching(/^no callback about mk-test-test\d+-order within 10 s$/),
        expected: expect.stringMatching(
          /^POST http:\/\/127\.0\.0\.1:\d+\/v2\/orders\/mk-test-test\d+-order\/statusChange$/,
        ),
      });
    } finally {
      await merchant.close();
      await timed.close();
    }
  });

  it.each([
    [9_900, 'pass', 'statusChange received and valid'],
    [10_100, 'fail', 'no callback about mk-test-testN-order within 10 s'],
  ] as const)(
    'takes a callback %i ms after the answer as %s: the window is 10 s by default',
    async (late, status, message) => {
      const clock = new JumpingClock();
      const timed = await CallbackReceiver.start(0, { clock });
      // The callback waits for the repeated order, which is sent once the first one's answer is in:
      // then the clock jumps, so the callback comes `late` after the answer, on the run's own clock.
      let creations = 0;
      let repeated = (): void => undefined;
      const repeatCame = new Promise<void>((resolve) => (repeated = resolve));
      const merchant = await startMerchant({
        auth: AUTH,
        omnichatApi: timed.url,
        afterCreation: () => void (++creations === 2 && repeated()),
        beforeCallback: async () => {
          await repeatCame;
          clock.jump(late);
        },
      });
      // Once the callback is in, the clock jumps past the grace for a second one (none comes).
      void timed.until(() => timed.all().length > 0, 60_000).then(() => clock.jump(20_000));
      try {
        const { report } = await verify(merchant.baseUrl, JUMPS, timed, {}, 'en', { clock });
        const check = checkOf(report, 'orderCreation', 'callback-received');
        expect({ status: check.status, message: check.message.replace(/test\d+/, 'testN') }).toEqual({
          status,
          message,
        });
      } finally {
        await merchant.close();
        await timed.close();
      }
    },
  );

  it('refuses a --callback-port that is already in use with a usage error naming the flag', async () => {
    const port = Number(new URL(receiver.url).port);
    const merchant = await startMerchant();
    try {
      const config = runConfigFromFlags({ baseUrl: merchant.baseUrl, callbackPort: String(port) });
      await expect(runVerify(config)).rejects.toThrow(UsageError);
      await expect(runVerify(config)).rejects.toThrow(
        `--callback-port ${port}: cannot listen on 127.0.0.1:${port} (the port is in use); pick another port`,
      );
    } finally {
      await merchant.close();
    }
  });
});

describe('the callback receiver', () => {
  it('survives a caller that drops the connection mid-body, and still records the next callback', async () => {
    const receiver = await CallbackReceiver.start(0);
    try {
      const { port } = new URL(receiver.url);
      await new Promise<void>((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => {
          socket.write(
            'POST /v2/orders/mk-test-drop/statusChange HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"resp',
          );
          socket.write('', () => socket.destroy());
        });
        socket.on('close', () => resolve());
      });
      const res = await fetch(`${receiver.url}/v2/orders/mk-test-next/statusChange`, {
        method: 'POST',
        body: '{"responsible":"x","status":"ORDER_GATEWAY_PROVISIONED"}',
      });
      expect(res.status).toBe(200);
      // The 200 came after the callback was kept: nothing is left to wait for.
      expect(receiver.about('mk-test-next')[0]).toMatchObject({
        action: 'statusChange',
        body: { status: 'ORDER_GATEWAY_PROVISIONED' },
      });
      expect(receiver.about('mk-test-drop')).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
