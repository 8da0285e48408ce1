import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createConsoleVerifier } from '../../src/cli/console-verifier';
import { PACKAGE_ROOT } from '../../src/contracts';
import { createMockApp, createMockListener } from '../../src/mock';
import { launchBrowser } from '../support/browser';
import { fillUrls } from '../dashboard/integration-page';

// `npm run screenshots` (not part of npm test): the "Testar integração" page's pictures in docs/, on
// the embedded catalog, against a sandbox of the same server (runs allowed to reach it, as
// `serve --verify-allow-private`). The merchant breaks two rules: its status notification answers 500,
// and its callback carries no Authorization; the first test also mistypes its token. It prints how
// long the tests took.

const DOCS = path.join(PACKAGE_ROOT, 'docs');
const J = { 'content-type': 'application/json' };

it('takes the Testar integração screenshots for docs/mock.md', async () => {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = createMockApp({ publicUrl: origin, verify: createConsoleVerifier({ allowPrivate: true }) });
  server.on('request', createMockListener(app));
  const post = (url: string, body: unknown, method = 'POST'): Promise<Response> =>
    fetch(url, { method, headers: J, body: JSON.stringify(body) });
  await post(`${origin}/__admin/sandboxes`, {
    name: 'loja-ana',
    headers: [{ key: 'Authorization', value: 'Bearer loja-ana-123' }],
    omnichatApi: `${origin}/__verify/callbacks`,
  });
  await post(`${origin}/__admin/sandboxes/loja-ana/scenarios/statusNotification`, { scenario: 'server-error' }, 'PUT');
  const store = `${origin}/sandboxes/loja-ana/v1`;

  const browser = await launchBrowser();
  const fillIn = async (page: Page): Promise<void> => {
    await page.getByLabel('Nome de Exibição').fill('Loja da Ana');
    await page.getByLabel('Nome da Plataforma').fill('MeuERP');
    await page.getByLabel('Times').fill('vendas, pós-venda');
    await fillUrls(page, store);
    await page.getByLabel('Header Chave 1').fill('Authorization');
    await page.getByLabel('Header Valor 1').fill('Bearer loja-ana-123');
    await page.getByLabel('Alterar Dados do Frete').check();
  };
  try {
    const durations: number[] = [];
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${origin}/__admin/integration`);
    await page.locator('#live[data-state="live"]').waitFor();
    await fillIn(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(DOCS, 'integration-form.png'), fullPage: true });
    // The first test with a mistyped token, the second with the right one: the comparison shows both ways.
    for (const [run, token] of ['Bearer loja-ana-12', 'Bearer loja-ana-123'].entries()) {
      await page.getByLabel('Header Valor 1').fill(token);
      const started = performance.now();
      await page.getByRole('button', { name: 'Testar integração' }).click();
      await page.locator('#report .verdict').waitFor();
      await page.waitForFunction((n) => document.querySelectorAll('#history-rows tr').length > n, run);
      durations.push(performance.now() - started);
    }
    for (const box of await page.locator('#history-rows input.pick').all()) await box.check();
    await page.getByRole('button', { name: 'Comparar os dois testes escolhidos' }).click();
    await page.locator('#changes h4').first().waitFor();
    await page.locator('#report .fixes').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(DOCS, 'integration-report.png'), fullPage: true });
    const narrow = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await narrow.goto(`${origin}/__admin/integration`);
    await narrow.locator('#history-rows tr').first().getByRole('button', { name: 'Abrir' }).click();
    await narrow.locator('#report .verdict').waitFor();
    await narrow.screenshot({ path: path.join(DOCS, 'integration-390.png'), fullPage: true });
    process.stdout.write(
      `integration: a test of the sandbox, clicked to report shown, took ${durations.map((ms) => ms.toFixed(0)).join(' and ')} ms\n`,
    );
  } finally {
    await browser.close();
    await app.mock.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
