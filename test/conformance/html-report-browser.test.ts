import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { renderHtml } from '../../src/conformance';
import { axeViolations, horizontalOverflow, launchBrowser } from '../support/browser';
import { freePort } from '../support/free-port';
import { startFaultyMerchant } from './merchants/faulty-merchant';
import { startMerchant } from './merchants/reference-merchant';
import { AUTH, verify } from './support';

// The HTML report of real runs, read in Debian's chromium as a merchant's developer would: the
// verdict and the first fix on the first screen, no sideways scrolling, a table of contents that
// lands where it says, nothing axe-core objects to, nothing fetched from anywhere.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-html-report-'));
const pages: Record<string, string> = {};
let browser: Browser;

beforeAll(async () => {
  const guarded = await startMerchant({ auth: AUTH });
  const faulty = await startFaultyMerchant({ auth: AUTH, search: 'misspelt-property' });
  const faultyPt = await startFaultyMerchant({ auth: AUTH, search: 'misspelt-property' });
  const contract = await startMerchant({ auth: AUTH, breaks: 'price-as-string' });
  try {
    const runs = {
      'five faults': await verify('http://127.0.0.1:1/v1', {}, undefined, { urls: faulty.urls }),
      'five faults, in pt-BR': await verify('http://127.0.0.1:1/v1', {}, undefined, { urls: faultyPt.urls }, 'pt-BR'),
      'a wrong token': await verify(guarded.baseUrl, { header: ['Authorization: Bearer not-the-token'] }),
      'a base URL that is down': await verify(`http://127.0.0.1:${await freePort()}/v1`, { header: [] }),
      'a contract violation that stops the order checks': await verify(contract.baseUrl),
      'a merchant that passes': await verify(guarded.baseUrl),
    };
    for (const [name, { report }] of Object.entries(runs)) {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.html`);
      fs.writeFileSync(file, renderHtml(report));
      pages[name] = file;
    }
  } finally {
    await Promise.all([guarded.close(), faulty.close(), faultyPt.close(), contract.close()]);
  }
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const REPORTS = [
  'five faults',
  'five faults, in pt-BR',
  'a wrong token',
  'a base URL that is down',
  'a contract violation that stops the order checks',
  'a merchant that passes',
];

// Where the what-to-fix list of the five-fault merchant links, in OmniChat call order; the same
// English ids whatever the report's language.
const FIVE_FAULT_FIXES = [
  '#orderValidation--stock-checked',
  '#orderCreation--creation-idempotent',
  '#statusNotification--all-statuses-accepted',
  '#orderCancellation--answers-2xx',
  '#productSearch--unknown-properties',
];

/** Opens a report at a viewport size; every request the page makes other than the file itself is recorded. */
async function open(report: string, width: number, height = 800): Promise<{ page: Page; fetched: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== `file://${pages[report]}`) fetched.push(request.url());
  });
  await page.goto(`file://${pages[report]}`);
  return { page, fetched };
}

const openAllFolds = (page: Page): Promise<void> =>
  page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

describe('the HTML report in a browser', () => {
  it.each(REPORTS.flatMap((report) => [[report, 1280, 800] as const, [report, 390, 844] as const]))(
    'shows the verdict banner and the first fix without scrolling (%s, %ix%i)',
    async (report, width, height) => {
      const { page } = await open(report, width, height);
      try {
        const onFirstScreen = (selector: string): Promise<boolean> =>
          page.locator(selector).evaluate((el) => {
            const box = el.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight && box.width > 0;
          });
        expect(await onFirstScreen('.banner')).toBe(true);
        if (report === 'a merchant that passes') {
          expect(await page.locator('.banner strong').textContent()).toBe('PASS');
          expect(await page.locator('ol.fixes').count()).toBe(0);
        } else {
          expect(await page.locator('.banner strong').textContent()).toBe(
            report.endsWith('in pt-BR') ? 'REPROVADO' : 'FAIL',
          );
          expect(await onFirstScreen('ol.fixes > li:first-child')).toBe(true);
        }
      } finally {
        await page.close();
      }
    },
  );

  it.each(REPORTS)('never scrolls sideways from 390 to 1600 px wide, folds open or closed (%s)', async (report) => {
    const { page } = await open(report, 390);
    try {
      for (const width of [390, 768, 1280, 1600]) {
        await page.setViewportSize({ width, height: 800 });
        for (const folds of ['as opened', 'every fold open']) {
          if (folds === 'every fold open') await openAllFolds(page);
          const overflow = await horizontalOverflow(page);
          expect({ width, folds, ...overflow }).toEqual({
            width,
            folds,
            scrollWidth: width,
            viewport: width,
            offenders: [],
          });
        }
      }
    } finally {
      await page.close();
    }
  });

  it.each(REPORTS)('has a table of contents whose every link lands on its section (%s)', async (report) => {
    const { page } = await open(report, 1280, 800);
    try {
      const links = await page.locator('nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(links.length).toBeGreaterThanOrEqual(report === 'a merchant that passes' ? 6 : 7);
      for (const href of links) {
        expect(href).toMatch(/^#[\w-]+$/);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.locator(`nav a[href="${href}"]`).click();
        const landed = await page.evaluate((id) => {
          const target = document.getElementById(id);
          if (!target) return { found: false, top: NaN, atBottom: false, visible: false };
          const top = target.getBoundingClientRect().top;
          const atBottom = Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight;
          return { found: true, top, atBottom, visible: target.getClientRects().length > 0 };
        }, href.slice(1));
        expect({ href, found: landed.found, visible: landed.visible }).toEqual({ href, found: true, visible: true });
        // The section's top is at the top of the window, or as near as the end of the page lets it be.
        expect({
          href,
          lands: (landed.top >= -1 && landed.top <= 16) || (landed.atBottom && landed.top < 800),
        }).toEqual({
          href,
          lands: true,
        });
      }
      const sections = await page.locator('main section[id]').evaluateAll((ss) => ss.map((s) => `#${s.id}`));
      expect(links).toEqual(expect.arrayContaining(sections.filter((id) => id !== '#what-to-fix')));
    } finally {
      await page.close();
    }
  });

  it.each(REPORTS)(
    'passes axe-core with no violation at 1280 and 390 px, folds open or closed (%s)',
    async (report) => {
      const { page } = await open(report, 1280);
      try {
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 800 });
          expect({ width, violations: await axeViolations(page) }).toEqual({ width, violations: [] });
        }
        await openAllFolds(page);
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 800 });
          expect({ width, folds: 'open', violations: await axeViolations(page) }).toEqual({
            width,
            folds: 'open',
            violations: [],
          });
        }
      } finally {
        await page.close();
      }
    },
  );

  it.each(REPORTS)('is one self-contained file: nothing is fetched to show it (%s)', async (report) => {
    const { page, fetched } = await open(report, 1280);
    try {
      await openAllFolds(page);
      expect(fetched).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('links every cause of the what-to-fix list to its finding, with its fix, why it matters and its request', async () => {
    const { page } = await open('five faults', 1280);
    try {
      const targets = await page.locator('ol.fixes a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(targets).toEqual(FIVE_FAULT_FIXES);
      const finding = page.locator('#orderCreation--creation-idempotent');
      expect(await finding.locator('.how').textContent()).toMatch(/^Fix: make order creation idempotent/);
      expect(await finding.locator('.why').textContent()).toMatch(/^Why OmniChat needs it: nothing in OmniChat's docs/);
      const request = await finding.locator('.used a').getAttribute('href');
      expect(await page.locator(`${request} pre`).textContent()).toMatch(
        /^curl -sS -X POST '\S+\/orders\/orderprovisioning'/,
      );
      // Passing sections are folded: a passing check is in the page but not on show.
      expect(
        await page
          .locator('#op-orderValidation details')
          .first()
          .evaluate((d) => (d as HTMLDetailsElement).open),
      ).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('says the same five findings in Portuguese: the page is pt-BR, its links and ids are the English ones', async () => {
    const { page } = await open('five faults, in pt-BR', 1280);
    try {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt-BR');
      const targets = await page.locator('ol.fixes a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(targets).toEqual(FIVE_FAULT_FIXES);
      expect(await page.locator('.banner').textContent()).toMatch(
        /^REPROVADO 4 causas a corrigir \(\d+ aprovadas, 4 reprovadas, 1 aviso, /,
      );
      const finding = page.locator('#orderCreation--creation-idempotent');
      expect(await finding.locator('.how').textContent()).toMatch(/^Correção: torne a criação de pedidos idempotente/);
      expect(await finding.locator('.why').textContent()).toMatch(/^Por que a OmniChat precisa disso: /);
      expect(await finding.locator('code.id').first().textContent()).toBe('creation-idempotent');
    } finally {
      await page.close();
    }
  });
});
