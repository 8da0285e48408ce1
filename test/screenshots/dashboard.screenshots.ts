import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';
import { createMockApp, createMockListener } from '../../src/mock';
import { launchBrowser } from '../support/browser';

// `npm run screenshots` (not part of npm test): the dashboard's pictures in docs/, taken in the same
// Debian chromium the browser tests use, on the embedded catalog with a sandbox a tester has used.
// It also prints how long a new request takes to show in the journal (a measurement, not a test).

const DOCS = path.join(PACKAGE_ROOT, 'docs');
const J = { 'content-type': 'application/json' };

it('takes the dashboard screenshots for docs/mock.md', async () => {
  // A stand-in OmniChat that is down: every callback gets a 503, so the dashboard shows a failed one.
  const omnichat = http.createServer((_req, res) => {
    res.statusCode = 503;
    res.end();
  });
  await new Promise<void>((resolve) => omnichat.listen(0, '127.0.0.1', resolve));
  const omnichatApi = `http://127.0.0.1:${(omnichat.address() as AddressInfo).port}`;
  const app = createMockApp({ callbackRetry: { attempts: 2, baseDelayMs: 50, timeoutMs: 500 } });
  const server = http.createServer(createMockListener(app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const S = `${origin}/sandboxes/qa-ana/v1`;
  const post = (url: string, body: unknown): Promise<Response> =>
    fetch(url, { method: 'POST', headers: J, body: JSON.stringify(body) });
  await post(`${origin}/__admin/sandboxes`, {
    name: 'qa-ana',
    checkout: 'own',
    omnichatApi,
    headers: [{ key: 'Authorization', value: 'Bearer loja-ana-123' }],
  });
  const auth = { ...J, authorization: 'Bearer loja-ana-123' };
  const send = (url: string, body?: unknown): Promise<Response> =>
    fetch(url, body === undefined ? { headers: auth } : { method: 'POST', headers: auth, body: JSON.stringify(body) });
  const cart = (id: string, sku: string, quantity: number): Record<string, unknown> => ({
    objectId: id,
    shippingAddress: { addressState: 'PR', city: 'Curitiba', country: 'BRA' },
    items: [{ objectId: 'L1', variantId: sku, quantity }],
  });
  await send(`${S}/products/productsearch?searchType=TEXT&query=iphone&size=2`);
  await send(`${S}/orders/orderchecker`, { ...cart('PED-1001', '12345-1', 2), shippingMethod: 'SEDEX' });
  await send(`${S}/orders/orderprovisioning`, {
    ...cart('PED-1001', '12345-1', 2),
    shippingMethod: 'Retirada',
    freightCost: 0,
  });
  await send(`${S}/orders/statuschange`, {
    order: { objectId: 'PED-1001' },
    statusChange: { status: 'PAID', responsible: 'omnichat', updatedAt: new Date().toISOString() },
  });
  await send(`${S}/orders/orderchecker`, cart('PED-1002', '12345-3', 1));
  await send(`${S}/orders/orderprovisioning`, { objectId: 'PED-1002', items: 'none' });
  await fetch(`${S}/products/productsearch?query=camiseta`);
  await app.mock.idle();

  const browser = await launchBrowser();
  try {
    const shoot = async (width: number, height: number, file: string, tab: string): Promise<void> => {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(`${origin}/__admin/#sandbox=qa-ana`);
      await page.locator('#live', { hasText: 'live · qa-ana' }).waitFor();
      await page.getByRole('tab', { name: tab }).click();
      if (tab === 'Requests')
        await page.locator('#journal li', { hasText: 'orderValidation' }).first().locator('summary').click();
      if (tab === 'Orders') {
        await page.locator('#orders button', { hasText: 'PED-1001' }).click();
        await page.locator('#order-detail h3', { hasText: 'PED-1001' }).waitFor();
      }
      await page.screenshot({ path: path.join(DOCS, file), fullPage: width < 600 });
      await page.close();
    };
    await shoot(1280, 900, 'dashboard-requests.png', 'Requests');
    await shoot(1280, 900, 'dashboard-orders.png', 'Orders');
    await shoot(390, 844, 'dashboard-390.png', 'Orders');

    // How long a new request takes to show in the journal, measured 20 times over the live stream.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/__admin/#sandbox=qa-ana`);
    await page.locator('#live', { hasText: 'live · qa-ana' }).waitFor();
    const latencies: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const shown = await page.locator('#journal li').count();
      const started = performance.now();
      await send(`${S}/products/productsearch?query=latency-${i}`);
      await page.waitForFunction((n) => document.querySelectorAll('#journal li').length > n, shown);
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    process.stdout.write(
      `dashboard: a new request shows in the journal ${latencies[10].toFixed(0)} ms after it is sent (median of 20; max ${latencies[19].toFixed(0)} ms)\n`,
    );
  } finally {
    await browser.close();
  }
  await app.mock.close();
  for (const s of [server, omnichat]) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
  expect(fs.existsSync(DOCS)).toBe(true);
});
