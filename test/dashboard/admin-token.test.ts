import { serveMock, type ServedMock } from '../mock/helpers';
import { DashboardBrowser } from './harness';

// With --admin-token, the page loads (it holds no data), asks for the token once, keeps it for the tab
// (sessionStorage) and sends it on every admin call, the live stream included.

const browser = new DashboardBrowser();
let mock: ServedMock;

beforeAll(async () => {
  mock = await serveMock({ adminToken: 'qa-admin-42' });
  await browser.start();
});
afterAll(async () => {
  await browser.stop();
  await mock.close();
});
afterEach(() => {
  expect(browser.errors.splice(0)).toEqual([]);
});

describe('the admin token prompt', () => {
  it('asks for the token, says when one is refused, then goes live with the right one', async () => {
    const page = await browser.open(mock.origin, 1280, '', { live: false });
    const dialog = page.getByRole('dialog', { name: 'Admin token' });
    await dialog.waitFor();
    await expect(page.locator('#token-why').textContent()).resolves.toContain('protects its admin API');
    await page.getByLabel('Token', { exact: true }).fill('wrong-token');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#token-why', { hasText: 'That token was refused' }).waitFor();
    await page.getByLabel('Token', { exact: true }).fill('qa-admin-42');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#live[data-state="live"]').waitFor();
    await expect(dialog.isVisible()).resolves.toBe(false);
    // The stream works with the header: a request shows up live.
    await fetch(`${mock.origin}/v1/products/productsearch?query=iphone`);
    await page.locator('#journal li', { hasText: 'productSearch' }).waitFor();

    // Kept for the tab: a reload asks nothing.
    await page.reload();
    await page.locator('#live[data-state="live"]').waitFor();
    await expect(dialog.isVisible()).resolves.toBe(false);
  });

  it('asks again in another tab (the token is kept per tab, never in localStorage or a cookie)', async () => {
    const page = await browser.open(mock.origin, 1280, '', { live: false });
    await page.getByRole('dialog', { name: 'Admin token' }).waitFor();
    expect(await page.evaluate(() => [localStorage.length, document.cookie])).toEqual([0, '']);
  });

  it('serves the page itself without the token, and nothing of the API', async () => {
    expect((await fetch(`${mock.origin}/__admin/`)).status).toBe(200);
    expect((await fetch(`${mock.origin}/__admin/assets/main.js`)).status).toBe(200);
    expect((await fetch(`${mock.origin}/__admin/orders`)).status).toBe(401);
    expect((await fetch(`${mock.origin}/__admin/sandboxes`)).status).toBe(401);
  });
});
