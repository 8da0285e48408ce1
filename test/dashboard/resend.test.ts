import { OmniChatStandIn } from '../mock/receiver';
import { CREATE, line, order, serveMock, type ServedMock } from '../mock/helpers';
import { DashboardBrowser, post } from './harness';

// The re-send button: a callback OmniChat refused is sent again from the order's page, and the order
// shows the new attempt and outcome without a reload.

const browser = new DashboardBrowser();
const omnichat = new OmniChatStandIn();
let mock: ServedMock;

beforeAll(async () => {
  const api = await omnichat.start();
  mock = await serveMock({ omnichatApi: api, callbackRetry: { attempts: 2, baseDelayMs: 5, timeoutMs: 60_000 } });
  await browser.start();
});
afterAll(async () => {
  await browser.stop();
  await mock.close();
  await omnichat.stop();
});
afterEach(() => {
  expect(browser.errors.splice(0)).toEqual([]);
});

it('re-sends a failed callback from the order and shows the new outcome live', async () => {
  omnichat.statuses = [503, 503];
  await post(`${mock.origin}${CREATE}`, order('RS-1', [line('L1', '2001-P')]));
  await mock.app.mock.idle();
  const page = await browser.open(mock.origin);
  await page.getByRole('tab', { name: 'Orders' }).click();
  await page.locator('#orders button', { hasText: 'RS-1' }).click();
  await page.locator('#order-detail .callback', { hasText: 'failed' }).waitFor();
  await page.getByRole('button', { name: 'Re-send callback 1 of order RS-1' }).click();
  await page.locator('#order-detail .callback', { hasText: 'delivered' }).waitFor();
  await expect(page.locator('#order-detail .timeline li').allTextContents()).resolves.toContainEqual(
    expect.stringContaining('callback 2 (statusChange) attempt 1 answered 200'),
  );
  // The button is only offered on the last callback when it failed.
  await expect(page.getByRole('button', { name: /Re-send/ }).count()).resolves.toBe(0);
  expect(omnichat.calls.filter((c) => c.path === '/v2/orders/RS-1/statusChange')).toHaveLength(3);
});
