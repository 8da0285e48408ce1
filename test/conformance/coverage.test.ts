import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import {
  CallbackReceiver,
  renderConsole,
  renderHtml,
  renderJson,
  renderJunit,
  type RunReport,
} from '../../src/conformance';
import { axeViolations, horizontalOverflow, launchBrowser } from '../support/browser';
import { startMerchant } from './merchants/reference-merchant';
import { AUTH, verify } from './support';

// Field coverage informs: which optional fields the merchant fills, per operation, in every report.
let report: RunReport;
let wrongTypes: RunReport;
let browser: Browser;

/** Two products whose variants send salePrice as text and erpId as a number, and leave weight out. */
const PRODUCTS = ['1', '2'].map((id) => {
  const variant = { objectId: `${id}-1`, name: 'Camiseta', price: 79.9, salePrice: '67.9', quantity: 5, erpId: 789 };
  return { objectId: id, name: 'Camiseta', variants: [variant], mainVariant: variant };
});

async function wrongTypesMerchant(): Promise<http.Server> {
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(PRODUCTS)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return server;
}

beforeAll(async () => {
  const receiver = await CallbackReceiver.start(0);
  const merchant = await startMerchant({ auth: AUTH, omnichatApi: receiver.url });
  const strings = await wrongTypesMerchant();
  try {
    ({ report } = await verify(merchant.baseUrl, { only: 'productSearch,orderValidation' }, receiver));
    const base = `http://127.0.0.1:${(strings.address() as AddressInfo).port}/v1`;
    ({ report: wrongTypes } = await verify(base, { only: 'productSearch', header: [] }));
  } finally {
    await merchant.close();
    await receiver.close();
    strings.close();
  }
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const coverageOf = (operation: string) => report.operations.find((op) => op.operation === operation)?.coverage;

describe('field coverage', () => {
  it('counts the optional product and variant fields over the distinct products the searches returned', () => {
    expect(coverageOf('productSearch')?.map((c) => [c.field, c.filled, c.seen, c.unit])).toEqual([
      ['productDescription', 0, 2, 'products'],
      ['externalUrl', 2, 2, 'products'],
      ['variants[].externalImageURL', 4, 4, 'variants'],
      ['variants[].salePrice', 4, 4, 'variants'],
      ['variants[].quantity', 4, 4, 'variants'],
      ['variants[].erpId', 4, 4, 'variants'],
      ['variants[].variations', 0, 4, 'variants'],
      ['variants[].weight', 0, 4, 'variants'],
    ]);
    for (const c of coverageOf('productSearch') ?? []) expect(c.what.length).toBeGreaterThan(20);
  });

  it('counts the optional checker fields over every cart the runner sent', () => {
    const fields = coverageOf('orderValidation')?.map((c) => [c.field, c.filled === c.seen]);
    expect(fields).toEqual([
      ['ERROR entries: message', true],
      ['INFO entries: shippingMethod', true],
      ['shippingOptions[].shippingEstimate', true],
      ['shippingOptions[].deliveryChannel', true],
      ['shippingOptions[].listPrice', true],
    ]);
  });

  it('tells a field sent with the wrong type (a price as a string) from one left out', () => {
    const variants = wrongTypes.operations[0].coverage?.filter((c) => c.unit === 'variants');
    expect(variants?.map((c) => [c.field, c.filled, c.wrongType, c.seen])).toEqual([
      ['variants[].externalImageURL', 0, 0, 2],
      ['variants[].salePrice', 0, 2, 2],
      ['variants[].quantity', 2, 0, 2],
      ['variants[].erpId', 0, 2, 2],
      ['variants[].variations', 0, 0, 2],
      ['variants[].weight', 0, 0, 2],
    ]);
    const lines = renderConsole(wrongTypes, { coverage: true });
    expect(lines).toContain(
      '    wrong type variants[].salePrice (0 of 2 variants; 2 send it with the wrong type): the promotional price',
    );
    expect(lines).toContain('      0% variants[].weight (0 of 2 variants): the weight in grams');
    expect(renderHtml(wrongTypes)).toContain(
      '<li><strong>wrong type</strong> <code class="id">variants[].salePrice</code> (0 of 2 variants; 2 send it with the wrong type)',
    );
    const pt = renderConsole({ ...wrongTypes, meta: { ...wrongTypes.meta, lang: 'pt-BR' } }, { coverage: true });
    expect(pt).toContain('    tipo errado variants[].salePrice (0 de 2 variantes; 2 enviam o campo com o tipo errado)');
  });

  it('never changes a verdict: the run with 0% fields still passes', () => {
    expect(report.summary.failed).toBe(0);
    expect(report.summary.warnings).toBe(0);
  });

  it('is in every report file (JSON keys, a JUnit system-out, an HTML list), on the console only when asked', () => {
    expect(JSON.parse(renderJson(report)).operations[0].coverage[1]).toEqual({
      field: 'externalUrl',
      filled: 2,
      seen: 2,
      wrongType: 0,
      unit: 'products',
      what: 'the product page: the link sellers send, and what a URL search (a link the customer pastes) matches',
    });
    expect(renderConsole(report)).not.toContain('field coverage');
    expect(renderConsole(report, { coverage: true })).toContain(
      '     0% productDescription (0 of 2 products): the description sellers read, and what OmniChat’s assistant answers questions about the product from',
    );
    expect(renderJunit(report)).toMatch(
      /<system-out>field coverage \(optional fields you fill; informs, never fails\):\n/,
    );
    expect(renderHtml(report)).toContain('<summary>Field coverage of productSearch');
  });

  it.each([390, 1600])('renders the HTML list accessibly and without sideways scrolling at %i px', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    try {
      await page.setContent(renderHtml(report));
      // Folded by default: opened, so that what is measured is the coverage as a reader sees it.
      await page.$$eval('details.coverage', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(await axeViolations(page)).toEqual([]);
      const { viewport, offenders } = await horizontalOverflow(page);
      expect(offenders).toEqual([]);
      const rightEdges = await page.$$eval('details.coverage', (lists) =>
        lists.map((l) => l.getBoundingClientRect().right),
      );
      expect(rightEdges).toHaveLength(2);
      for (const right of rightEdges) expect(right).toBeLessThanOrEqual(viewport);
    } finally {
      await page.close();
    }
  });
});
