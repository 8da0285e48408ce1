import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { axeViolations, horizontalOverflow } from '../support/browser';
import { startServe, type ServeChild } from '../support/serve-child';
import { SMALL_CATALOG_PATH } from '../mock/helpers';
import { openStream } from '../mock/event-stream';
import { urlsOf } from '../mock/verify-console';
import { DashboardBrowser, post } from './harness';
import { fillUrls } from './integration-page';

// "Testar integração" in Debian's chromium, against `merchant-kit serve --verify-allow-private`: the
// merchant is a sandbox of the same server, which calls back on the same port. The form is filled in
// Portuguese, as OmniChat's settings screen labels it.

const browser = new DashboardBrowser();
let serve: ServeChild;
let store: string;
const GOOD = 'Bearer loja-certa-1234';

beforeAll(async () => {
  [serve] = await Promise.all([
    startServe(['--quiet', '--catalog', SMALL_CATALOG_PATH, '--verify-allow-private']),
    browser.start(),
  ]);
  const res = await post(`${serve.origin}/__admin/sandboxes`, {
    name: 'loja',
    headers: [{ key: 'Authorization', value: GOOD }],
    omnichatApi: `${serve.origin}/__verify/callbacks`,
    omnichatToken: 'omnichat-token-5678',
  });
  expect(res.status).toBe(201);
  store = `${serve.origin}/sandboxes/loja/v1`;
});
afterAll(async () => {
  await browser.stop();
  await serve?.stop();
});
afterEach(() => {
  expect(browser.errors.splice(0)).toEqual([]);
});

/** Runs a test through the admin API (as CI would) and resolves once the live stream says it is done. */
async function runThroughApi(headerValue: string): Promise<void> {
  const stream = await openStream(`${serve.origin}/__admin/events`);
  try {
    const res = await post(`${serve.origin}/__admin/verify-runs`, {
      config: {
        displayName: 'Loja da API',
        urls: urlsOf(store),
        headers: [{ key: 'Authorization', value: headerValue }],
      },
    });
    const { id } = (await res.json()) as { id: string };
    await stream.next(
      (e) => e.event === 'verify' && e.data.includes(`"id":"${id}"`) && e.data.includes('"state":"done"'),
    );
  } finally {
    stream.close();
  }
}

const open = (width = 1280): Promise<Page> => browser.open(serve.origin, width, '', { path: '/__admin/integration' });

/** Fills the settings form as OmniChat's screen labels it. */
async function fillInPortuguese(page: Page, headerValue: string): Promise<void> {
  await page.getByLabel('Checkout Omni').check();
  await page.getByLabel('Nome de Exibição').fill('Loja Exemplo');
  await page.getByLabel('Nome da Plataforma').fill('MeuERP');
  await page.getByLabel('Times').fill('vendas, suporte');
  await fillUrls(page, store);
  await page.getByLabel('Header Chave 1').fill('Authorization');
  await page.getByLabel('Header Valor 1').fill(headerValue);
  await page.getByLabel('Alterar Dados do Frete').check();
}

/** Runs the test and waits for its report; returns the progress lines seen before the report came. */
async function runAndWait(page: Page): Promise<void> {
  const before = await page.locator('#history-rows tr').count();
  await page.getByRole('button', { name: 'Testar integração' }).click();
  await page.locator('#progress li').first().waitFor();
  await page.locator('#report .verdict').waitFor();
  // The history lists the new test once it is done.
  await page.waitForFunction((n) => document.querySelectorAll('#history-rows tr').length > n, before);
}

describe('Testar integração', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open();
  });
  afterAll(() => browser.closePages());

  it('is in Portuguese first, with OmniChat’s labels, and passes axe-core', async () => {
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('pt-BR');
    await expect(page.getByRole('heading', { name: 'Integração Customizada' }).count()).resolves.toBe(1);
    await expect(page.locator('#callback-url').inputValue()).resolves.toBe(`${serve.origin}/__verify/callbacks`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('runs a failing test: each operation’s line, then the verdict, what to fix and its curl line (secret masked)', async () => {
    await fillInPortuguese(page, 'Bearer loja-errada-999');
    await runAndWait(page);
    await expect(page.locator('#progress li').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^productSearch fail/),
      expect.stringMatching(/^orderValidation error/),
      expect.stringMatching(/^orderCreation error/),
      // The notification goes out without a product (about a made-up order) and is refused like the rest.
      expect.stringMatching(/^statusNotification fail/),
      expect.stringMatching(/^orderCancellation error/),
    ]);
    await expect(page.locator('#report .verdict').textContent()).resolves.toMatch(/^FALHOU/);
    const cause = page.locator('#report .fixes > li').first();
    await expect(cause.textContent()).resolves.toContain('productSearch answers-2xx: respondeu HTTP 401');
    await expect(cause.locator('pre').textContent()).resolves.toContain("-H 'Authorization: Bearer ***'");
    await expect(page.content()).resolves.not.toContain('loja-errada-999');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('runs a passing test once the header is right, and keeps both in the history', async () => {
    await page.getByLabel('Header Valor 1').fill(GOOD);
    await runAndWait(page);
    await expect(page.locator('#report .verdict').textContent()).resolves.toMatch(/^PASSOU/);
    await expect(page.locator('#report .fixes').count()).resolves.toBe(0);
    const rows = page.locator('#history-rows tr');
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(0).locator('.badge').textContent()).resolves.toBe('pass');
    await expect(rows.nth(1).locator('.badge').textContent()).resolves.toBe('fail');
    await expect(rows.nth(0).locator('td').nth(4).textContent()).resolves.toMatch(/^\d+\.\d+\.\d+/);
  });

  it('compares the two tests: what stopped failing', async () => {
    for (const box of await page.locator('#history-rows input.pick').all()) await box.check();
    await page.getByRole('button', { name: 'Comparar os dois testes escolhidos' }).click();
    const changes = page.locator('#changes');
    await changes.locator('h4', { hasText: 'Deixaram de falhar' }).waitFor();
    await expect(changes.locator('ul').last().textContent()).resolves.toContain('productSearch answers-2xx');
    await expect(changes.locator('p', { hasText: 'Nenhuma.' }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens an older test from the history, and downloads its reports', async () => {
    await page.locator('#history-rows tr').nth(1).getByRole('button', { name: 'Abrir' }).click();
    await page.locator('#report .verdict', { hasText: 'FALHOU' }).waitFor();
    for (const [label, extension, content] of [
      ['JSON', 'json', '"verdict": "fail"'],
      ['JUnit', 'xml', '<testsuites'],
      ['HTML', 'html', '<h1>Loja Exemplo</h1>'],
    ]) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#report .downloads').getByRole('button', { name: label }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^merchant-kit-[a-z0-9]+\\.${extension}$`));
      expect(fs.readFileSync(await download.path(), 'utf8')).toContain(content);
    }
  });

  it('tests a stored integration again: the form is filled, the header values are asked for again', async () => {
    await page.getByLabel('Nome de Exibição').fill('');
    await page.getByLabel('URL de Busca de Produto').fill('');
    await page.locator('#history-rows tr').nth(0).getByRole('button', { name: 'Testar de novo' }).click();
    await page.locator('#notice', { hasText: 'Digite de novo os valores dos headers' }).waitFor();
    await expect(page.getByLabel('Nome de Exibição').inputValue()).resolves.toBe('Loja Exemplo');
    await expect(page.getByLabel('URL de Busca de Produto').inputValue()).resolves.toBe(
      `${store}/products/productsearch`,
    );
    await expect(page.getByLabel('Header Chave 1').inputValue()).resolves.toBe('Authorization');
    await expect(page.getByLabel('Header Valor 1').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('Header Valor 1').getAttribute('placeholder')).resolves.toBe('Bearer ***');
    await expect(page.getByLabel('Times').inputValue()).resolves.toBe('vendas, suporte');
  });

  it('names the field of a refused config and moves there', async () => {
    await page.getByLabel('URL de Criação de Pedido').fill('ftp://loja.example/pedidos');
    await page.getByRole('button', { name: 'Testar integração' }).click();
    await page.locator('#form-error', { hasText: 'urls.orderCreation' }).waitFor();
    await expect(page.getByLabel('URL de Criação de Pedido').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('url-orderCreation');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('merchant.json', () => {
  afterEach(() => browser.closePages());

  it('fills the form from a pasted one, and exports one without the header values unless asked', async () => {
    const page = await open();
    const pasted = {
      displayName: 'Loja Colada',
      checkout: 'own',
      teams: ['vendas'],
      allowFreightChange: true,
      urls: {
        productSearch: 'https://loja.example/p',
        orderValidation: 'https://loja.example/v',
        orderCreation: 'https://loja.example/c',
        orderCancellation: 'https://loja.example/x',
        statusNotification: 'https://loja.example/s',
      },
      headers: [
        { key: 'Authorization', value: 'Bearer colado-42' },
        { key: 'X-Api-Key', value: 'chave-43' },
      ],
      testData: { searchQuery: 'camiseta' },
    };
    await page.locator('summary', { hasText: 'merchant.json' }).click();
    await page.getByLabel('Cole um merchant.json').fill(JSON.stringify(pasted));
    await page.getByRole('button', { name: 'Preencher o formulário', exact: true }).click();
    await expect(page.getByLabel('Checkout Próprio').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Header Chave 2').inputValue()).resolves.toBe('X-Api-Key');
    await expect(page.getByLabel('Header Valor 2').inputValue()).resolves.toBe('chave-43');
    const exported = async (): Promise<Record<string, unknown>> => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exportar merchant.json' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('merchant.json');
      return JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;
    };
    expect(await exported()).toEqual({
      ...pasted,
      headers: [
        { key: 'Authorization', value: '${AUTHORIZATION}' },
        { key: 'X-Api-Key', value: '${X_API_KEY}' },
      ],
    });
    await page.getByLabel(/Incluir os valores dos headers/).check();
    expect(await exported()).toEqual(pasted);
  });

  it('says so when what was pasted is not JSON', async () => {
    const page = await open();
    await page.locator('summary', { hasText: 'merchant.json' }).click();
    await page.getByLabel('Cole um merchant.json').fill('{"urls": ');
    await page.getByRole('button', { name: 'Preencher o formulário', exact: true }).click();
    await page.locator('#notice[data-kind="error"]', { hasText: 'Isso não é um merchant.json' }).waitFor();
  });
});

describe('the page', () => {
  afterEach(() => browser.closePages());

  it('switches to English and back, the labels with it', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Show the page in English' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByLabel('Display name').count()).resolves.toBe(1);
    await expect(page.getByLabel('Header key 1').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Test integration' }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Mostrar a página em português' }).click();
    await expect(page.getByLabel('Nome de Exibição').count()).resolves.toBe(1);
  });

  it('is linked from the QA console', async () => {
    const page = await browser.open(serve.origin);
    await page.getByRole('link', { name: 'Testar integração' }).click();
    await page.getByRole('heading', { name: 'Integração Customizada' }).waitFor();
  });
});

// One page, a report and the history shown, resized from width to width as a window is (no script of
// the page reads its width).
describe('the page at any width', () => {
  let page: Page;
  beforeAll(async () => {
    await runThroughApi('Bearer errado-para-a-largura');
    page = await open(390);
    await page.getByLabel('Integração', { exact: true }).selectOption('Loja da API');
    await page.locator('#history-rows tr').first().getByRole('button', { name: 'Abrir' }).click();
    await page.locator('#report .verdict').waitFor();
    for (const details of await page.locator('#report details').all()) await details.locator('summary').click();
  });
  afterAll(() => browser.closePages());

  it.each([390, 768, 1024, 1280, 1600])(
    'never scrolls sideways at %i px, a report and the history shown',
    async (width) => {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await horizontalOverflow(page);
      expect(overflow.offenders).toEqual([]);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.viewport);
    },
  );
});

describe('with an admin token', () => {
  it('asks for it once, in Portuguese, and runs, streams and downloads with it', async () => {
    const guarded = await startServe([
      '--quiet',
      '--catalog',
      SMALL_CATALOG_PATH,
      '--verify-allow-private',
      '--admin-token',
      'adm-7777',
    ]);
    try {
      const page = await browser.open(guarded.origin, 1280, '', { path: '/__admin/integration', live: false });
      await page.getByRole('heading', { name: 'Token de admin' }).waitFor();
      await page.getByLabel('Token', { exact: true }).fill('adm-7777');
      await page.getByRole('button', { name: 'Continuar' }).click();
      await page.locator('#live[data-state="live"]').waitFor();
      await page.getByLabel('Nome de Exibição').fill('Loja Protegida');
      await fillUrls(page, `${guarded.origin}/v1`);
      await page.locator('summary', { hasText: 'Opções do teste' }).click();
      await page.getByLabel('Só busca e validação').check();
      await page.getByRole('button', { name: 'Testar integração' }).click();
      await page.locator('#report .verdict').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#report .downloads').getByRole('button', { name: 'JSON' }).click(),
      ]);
      expect(JSON.parse(fs.readFileSync(await download.path(), 'utf8')).target).toBe('Loja Protegida');
    } finally {
      await guarded.stop();
    }
  });
});
