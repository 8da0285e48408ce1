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
let browser: Browser;
beforeAll(async () => {
  const receiver = await CallbackReceiver.start(0);
  const merchant = await startMerchant({ auth: AUTH, omnichatApi: receiver.url });
  try {
    ({ report } = await verify(merchant.baseUrl, { only: 'productSearch,orderValidation' }, receiver));
  } finally {
    await merchant.close();
    await receiver.close();
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

  it('never changes a verdict: the run with 0% fields still passes', () => {
    expect(report.summary.failed).toBe(0);
    expect(report.summary.warnings).toBe(0);
  });

  it('is in every report: JSON keys, console lines, a JUnit system-out and an HTML list', () => {
    expect(JSON.parse(renderJson(report)).operations[0].coverage[1]).toEqual({
      field: 'externalUrl',
      filled: 2,
      seen: 2,
      unit: 'products',
      what: 'the product page: the link sellers send, and what a URL search (a link the customer pastes) matches',
    });
    expect(renderConsole(report)).toContain(
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
