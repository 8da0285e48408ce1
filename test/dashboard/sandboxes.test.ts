import { CHECKER, CREATE, SEARCH, line, order, serveMock, type ServedMock } from '../mock/helpers';
import { axeViolations, horizontalOverflow } from '../support/browser';
import { DashboardBrowser, post } from './harness';

// The sandbox picker: each sandbox's five URLs, only its orders and requests, live; a new sandbox
// made from the page.

const browser = new DashboardBrowser();
let mock: ServedMock;
const IN = (name: string, path: string): string => `/sandboxes/${name}${path}`;

beforeAll(async () => {
  [mock] = await Promise.all([serveMock(), browser.start()]);
  await post(`${mock.origin}${IN('qa-ana', CREATE)}`, order('ANA-1', [line('L1', '2001-P')]));
  await post(`${mock.origin}${IN('qa-bia', CREATE)}`, order('BIA-1', [line('L1', '2001-P')]));
  await post(`${mock.origin}${CREATE}`, order('DEF-1', [line('L1', '2001-P')]));
});
afterAll(async () => {
  await browser.stop();
  await mock?.close();
});
afterEach(async () => {
  await browser.closePages();
  expect(browser.errors.splice(0)).toEqual([]);
});

const orderIds = async (page: import('playwright-core').Page): Promise<string[]> =>
  page.locator('#orders .order-id').allTextContents();

describe('the sandbox picker', () => {
  it("shows only the picked sandbox's orders, and its five URLs", async () => {
    const page = await browser.open(mock.origin);
    await page.getByRole('tab', { name: 'Orders' }).click();
    await page.locator('#orders .order-id', { hasText: 'DEF-1' }).waitFor();
    expect(await orderIds(page)).toEqual(['DEF-1']);

    await page.getByLabel('Sandbox', { exact: true }).selectOption('qa-ana');
    await page.locator('#orders .order-id', { hasText: 'ANA-1' }).waitFor();
    expect(await orderIds(page)).toEqual(['ANA-1']);
    await expect(page.getByLabel('URL de Busca de Produto', { exact: true }).inputValue()).resolves.toBe(
      `${mock.origin}${IN('qa-ana', SEARCH)}`,
    );
    await expect(page.locator('#live').textContent()).resolves.toBe('live · qa-ana');

    await page.getByLabel('Sandbox', { exact: true }).selectOption('qa-bia');
    await page.locator('#orders .order-id', { hasText: 'BIA-1' }).waitFor();
    expect(await orderIds(page)).toEqual(['BIA-1']);
  });

  it("shows only the picked sandbox's requests, live", async () => {
    const page = await browser.open(mock.origin, 1280, '#sandbox=qa-bia');
    await page.locator('#journal li', { hasText: 'orderCreation' }).waitFor();
    await post(`${mock.origin}${IN('qa-ana', CHECKER)}`, order('X', [line('L1', '2001-P')]));
    await post(`${mock.origin}${IN('qa-bia', CHECKER)}`, order('Y', [line('L1', '2001-P')]));
    await page.locator('#journal li', { hasText: 'orderValidation' }).waitFor();
    const paths = await page.locator('#journal .path').allTextContents();
    expect(paths).toEqual([IN('qa-bia', CHECKER), IN('qa-bia', CREATE)]);
  });

  it('creates a sandbox from the page and switches to it', async () => {
    const page = await browser.open(mock.origin);
    await page.getByRole('button', { name: 'New sandbox' }).click();
    await page.getByLabel('Name (lower-case letters, digits, dashes)').fill('qa-new');
    await page.getByLabel('Checkout', { exact: true }).selectOption('own');
    await page.getByLabel('Alterar dados do frete').selectOption('false');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.locator('#live', { hasText: 'live · qa-new' }).waitFor();
    await expect(page.locator('#settings').textContent()).resolves.toContain('Checkout Próprio');
    await expect(page.locator('#settings').textContent()).resolves.toContain('freight changes refused');
    const created = (await (await fetch(`${mock.origin}/__admin/sandboxes/qa-new`)).json()) as {
      settings: { checkout: string; allowFreightChange: boolean };
    };
    expect(created.settings).toMatchObject({ checkout: 'own', allowFreightChange: false });
  });

  it('keeps the new-sandbox dialog axe-clean and within 390 px', async () => {
    const page = await browser.open(mock.origin, 390);
    await page.getByRole('button', { name: 'New sandbox' }).click();
    await page.getByRole('dialog', { name: 'New sandbox' }).waitFor();
    expect(await horizontalOverflow(page)).toEqual({ scrollWidth: 390, viewport: 390, offenders: [] });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says why a sandbox cannot be created', async () => {
    const page = await browser.open(mock.origin);
    await page.getByRole('button', { name: 'New sandbox' }).click();
    await page.getByLabel('Name (lower-case letters, digits, dashes)').fill('qa-ana');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.locator('#sandbox-error', { hasText: 'exists already' }).waitFor();
  });

  it('falls back to the default store when the sandbox shown is deleted', async () => {
    await post(`${mock.origin}${IN('qa-gone', CREATE)}`, order('G-1', [line('L1', '2001-P')]));
    const page = await browser.open(mock.origin, 1280, '#sandbox=qa-gone');
    await page.locator('#live', { hasText: 'live · qa-gone' }).waitFor();
    await fetch(`${mock.origin}/__admin/sandboxes/qa-gone`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
    });
    await page.locator('#live', { hasText: 'live · default' }).waitFor();
    await page.locator('#notice', { hasText: 'qa-gone was deleted' }).waitFor();
  });
});
