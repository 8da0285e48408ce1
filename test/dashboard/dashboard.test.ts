import type { Page } from 'playwright-core';
import { axeViolations, horizontalOverflow } from '../support/browser';
import { CHECKER, CREATE, SEARCH, line, order, serveMock, type ServedMock } from '../mock/helpers';
import { DashboardBrowser, post } from './harness';

// The QA console in Debian's chromium: it shows the default store live and steers it through the
// public admin API only.

const browser = new DashboardBrowser();
let mock: ServedMock;

beforeAll(async () => {
  [mock] = await Promise.all([serveMock(), browser.start()]);
});
afterAll(async () => {
  await browser.stop();
  await mock?.close();
});
afterEach(async () => {
  await browser.closePages();
  expect(browser.errors.splice(0)).toEqual([]);
});

/** The admin API paths a page fetched, in order. */
function apiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/__admin/') && !url.pathname.startsWith('/__admin/assets/'))
      calls.push(`${req.method()} ${url.pathname}`);
  });
  return calls;
}

describe('the dashboard at /__admin/', () => {
  beforeEach(async () => {
    await fetch(`${mock.origin}/__admin/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
  });

  it('shows a new request and a new order without a reload, from the live stream alone', async () => {
    const page = await browser.open(mock.origin);
    const calls = apiCalls(page);
    let navigations = 0;
    page.on('framenavigated', () => (navigations += 1));
    await post(`${mock.origin}${CREATE}`, order('LIVE-1', [line('L1', '2001-P')]));
    await page.locator('#journal li', { hasText: 'orderCreation' }).waitFor();
    await page.getByRole('tab', { name: 'Orders' }).click();
    await page.locator('#orders button', { hasText: 'LIVE-1' }).waitFor();
    expect(navigations).toBe(0);
    // Nothing polled the journal: the request came over the stream; the orders list was fetched once, on the event.
    expect(calls.filter((c) => c.endsWith('/requests'))).toEqual([]);
  });

  it('opens a journal entry to its request and answer bodies', async () => {
    const page = await browser.open(mock.origin);
    await post(`${mock.origin}${CHECKER}`, order('BODY-1', [line('L1', '2001-P')]));
    const entry = page.locator('#journal li', { hasText: 'orderValidation' });
    await entry.locator('summary').click();
    await expect(entry.locator('pre').first().textContent()).resolves.toContain('"objectId": "BODY-1"');
    await expect(entry.locator('pre').nth(1).textContent()).resolves.toContain('"shippingOptions"');
  });

  it('filters the journal by operation and by status', async () => {
    await fetch(`${mock.origin}${SEARCH}?query=camiseta`);
    await fetch(`${mock.origin}${SEARCH}?size=0`);
    await post(`${mock.origin}${CHECKER}`, order('F-1', [line('L1', '2001-P')]));
    const page = await browser.open(mock.origin);
    await expect(page.locator('#journal li').count()).resolves.toBe(3);
    await page.getByLabel('Operation', { exact: true }).selectOption('productSearch');
    await expect(page.locator('#journal li').count()).resolves.toBe(2);
    await page.getByLabel('Status', { exact: true }).selectOption('4xx');
    await expect(page.locator('#journal li').count()).resolves.toBe(1);
    await expect(page.locator('#journal li .status').textContent()).resolves.toBe('400');
  });

  it('switching a scenario changes the next API answer', async () => {
    const page = await browser.open(mock.origin);
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByLabel('orderValidation').selectOption('unavailable');
    await page.locator('#notice', { hasText: 'orderValidation now answers with unavailable' }).waitFor();
    const res = await post(`${mock.origin}${CHECKER}`, order('SC-1', [line('L1', '2001-P')]));
    expect(res.status).toBe(503);
    await page.getByLabel('orderValidation').selectOption('');
    await page.locator('#notice', { hasText: 'orderValidation answers normally' }).waitFor();
    expect((await post(`${mock.origin}${CHECKER}`, order('SC-1', [line('L1', '2001-P')]))).status).toBe(200);
  });

  it("setting a variant's stock to 0 makes the next cart check answer an ERROR for it", async () => {
    const page = await browser.open(mock.origin);
    await page.getByRole('tab', { name: 'Stock' }).click();
    await page.getByLabel('Search the catalog').fill('camiseta basica');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByLabel('New stock of 2001-P').fill('0');
    await page.getByRole('button', { name: 'Set stock of 2001-P' }).click();
    await page.locator('td.qty[data-sku="2001-P"]', { hasText: /^0$/ }).waitFor();
    const res = await post(`${mock.origin}${CHECKER}`, order('ST-1', [line('L1', '2001-P')]));
    const entries = (await res.json()) as { action: string; componentId: string; message?: string }[];
    expect(entries.filter((e) => e.action === 'ERROR')).toEqual([
      expect.objectContaining({ componentId: 'L1', message: expect.stringContaining('Estoque insuficiente') }),
    ]);
  });

  it('blocks and unblocks a product', async () => {
    const page = await browser.open(mock.origin);
    await page.getByRole('tab', { name: 'Stock' }).click();
    await page.getByLabel('Search the catalog').fill('polo');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: 'Block Camiseta Polo Piquê' }).click();
    await page.getByRole('button', { name: 'Unblock Camiseta Polo Piquê' }).waitFor();
    const blocked = await post(`${mock.origin}${CHECKER}`, order('BL-1', [line('L1', '2002-1')]));
    expect(JSON.stringify(await blocked.json())).toContain('Produto bloqueado');
    await page.getByRole('button', { name: 'Unblock Camiseta Polo Piquê' }).click();
    await page.getByRole('button', { name: 'Block Camiseta Polo Piquê' }).waitFor();
  });

  it('updates the stock shown when an order reserves it', async () => {
    const page = await browser.open(mock.origin);
    await page.getByRole('tab', { name: 'Stock' }).click();
    await page.getByLabel('Search the catalog').fill('camiseta basica');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('td.qty[data-sku="2001-P"]', { hasText: /^5$/ }).waitFor();
    await post(`${mock.origin}${CREATE}`, order('RES-1', [line('L1', '2001-P', 2)]));
    await page.locator('td.qty[data-sku="2001-P"]', { hasText: /^3$/ }).waitFor();
  });

  it('shows an order with its notes and timeline, resets the store in two clicks', async () => {
    await post(`${mock.origin}${CHECKER}`, { ...order('TL-1', [line('L1', '2001-P')]), shippingMethod: 'SEDEX' });
    await post(`${mock.origin}${CREATE}`, {
      ...order('TL-1', [line('L1', '2001-P')]),
      shippingMethod: 'Retirada',
      freightCost: 0,
    });
    await post(`${mock.origin}/v1/orders/statuschange`, {
      order: { objectId: 'TL-1' },
      statusChange: { status: 'PAID', updatedAt: '2026-11-28T10:00:00.000Z' },
    });
    const page = await browser.open(mock.origin);
    await page.getByRole('tab', { name: 'Orders' }).click();
    await page.locator('#orders button', { hasText: 'TL-1' }).click();
    const detail = page.locator('#order-detail');
    await detail
      .locator('.notes li', { hasText: 'freight changed by the seller: quoted SEDEX 24.90, order Retirada 0.00' })
      .waitFor();
    await expect(detail.locator('.timeline li').allTextContents()).resolves.toEqual([
      expect.stringContaining('created CREATED (orderCreation)'),
      expect.stringContaining('notified PAID (statusNotification)'),
    ]);
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByRole('button', { name: 'Reset this sandbox' }).click();
    await page.getByRole('button', { name: 'Click again to reset default' }).click();
    await page.getByRole('tab', { name: 'Orders' }).click();
    await page.locator('#orders-empty').waitFor({ state: 'visible' });
    expect((await (await fetch(`${mock.origin}/__admin/orders`)).json()) as unknown[]).toEqual([]);
  });

  it('shows what requests carry as text, never as markup', async () => {
    const hostile = '<img src=x id=injected onerror="document.title=1">';
    await post(`${mock.origin}${CREATE}`, order(hostile, [line(hostile, '2001-P')]));
    await fetch(`${mock.origin}${SEARCH}?query=${encodeURIComponent(hostile)}`);
    const page = await browser.open(mock.origin);
    await page.locator('#journal li').first().locator('summary').click();
    await page.getByRole('tab', { name: 'Orders' }).click();
    await page.locator('#orders button', { hasText: hostile }).click();
    await page.locator('#order-detail h3', { hasText: hostile }).waitFor();
    await expect(page.locator('#injected').count()).resolves.toBe(0);
    await expect(page.locator('img').count()).resolves.toBe(0);
    expect(await page.title()).toBe('merchant-kit QA console');
  });

  it('lists the five URLs to copy into OmniChat', async () => {
    const page = await browser.open(mock.origin);
    await expect(page.getByLabel('URL de Busca de Produto', { exact: true }).inputValue()).resolves.toBe(
      `${mock.origin}${SEARCH}`,
    );
    await expect(page.getByLabel('URL de Criação de Pedido', { exact: true }).inputValue()).resolves.toBe(
      `${mock.origin}${CREATE}`,
    );
  });
});

describe('the dashboard at any width', () => {
  beforeAll(async () => {
    await post(`${mock.origin}${CHECKER}`, order('W-1', [line('L1', '2001-P')]));
    await post(
      `${mock.origin}${CREATE}`,
      order('W-1-a-rather-long-order-identifier-without-spaces-0123456789', [line('L1', '2001-P')]),
    );
    await fetch(`${mock.origin}${SEARCH}?query=${'x'.repeat(300)}`);
  });
  // One page, resized from width to width as a window is. The layout changes once, at 760 px
  // (panels.css), and only in its grid and padding: axe-core runs on each side of it.
  it('never scrolls sideways from 390 to 1600 px on any tab, and is axe-clean at 390 and 1280 px', async () => {
    const page = await browser.open(mock.origin, 390);
    await page.locator('#journal li').first().locator('summary').click();
    for (const tab of ['Requests', 'Orders', 'Stock', 'Scenarios']) {
      await page.getByRole('tab', { name: tab }).click();
      if (tab === 'Orders') await page.locator('#orders button').first().click();
      if (tab === 'Stock') {
        await page.getByLabel('Search the catalog').fill('iphone');
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await page.locator('#stock-results li').first().waitFor();
      }
      for (const width of [390, 768, 1280, 1600]) {
        await page.setViewportSize({ width, height: 900 });
        expect({ tab, width, ...(await horizontalOverflow(page)) }).toEqual({
          tab,
          width,
          scrollWidth: width,
          viewport: width,
          offenders: [],
        });
        if (width === 390 || width === 1280)
          expect({ tab, width, violations: await axeViolations(page) }).toEqual({ tab, width, violations: [] });
      }
    }
  });
});
