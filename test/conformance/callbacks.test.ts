import net from 'node:net';
import { CallbackReceiver, runConfigFromFlags, runVerify } from '../../src/conformance';
import { UsageError } from '../../src/common/usage-error';
import { startMerchant } from './merchants/reference-merchant';
import { AUTH, checkOf, verify } from './support';

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

  it('names the call it expected when none came', async () => {
    const merchant = await startMerchant({ auth: AUTH });
    try {
      const { report } = await verify(merchant.baseUrl, { only: 'orderCreation' }, receiver);
      expect(checkOf(report, 'orderCreation', 'callback-received')).toMatchObject({
        status: 'fail',
        message: expect.stringMatching(/^no callback about mk-test-test\d+-order within 1 s$/),
        expected: expect.stringMatching(
          /^POST http:\/\/127\.0\.0\.1:\d+\/v2\/orders\/mk-test-test\d+-order\/statusChange$/,
        ),
      });
    } finally {
      await merchant.close();
    }
  });

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
          setTimeout(() => socket.destroy(), 20);
        });
        socket.on('close', () => resolve());
      });
      const res = await fetch(`${receiver.url}/v2/orders/mk-test-next/statusChange`, {
        method: 'POST',
        body: '{"responsible":"x","status":"ORDER_GATEWAY_PROVISIONED"}',
      });
      expect(res.status).toBe(200);
      await expect(receiver.waitFor('mk-test-next', 1000)).resolves.toMatchObject({
        action: 'statusChange',
        body: { status: 'ORDER_GATEWAY_PROVISIONED' },
      });
      await expect(receiver.waitFor('mk-test-drop', 50)).resolves.toBeUndefined();
    } finally {
      await receiver.close();
    }
  });
});
