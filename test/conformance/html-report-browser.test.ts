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
let browser: Browser | undefined;
/** The file's one tab: each test loads its report afresh in it (see show), which costs far less than a new tab. */
let tab: Page;
/** The report the tab shows, and every request the page made since it was loaded other than the file itself. */
let shown = '';
const fetched: string[] = [];

/** Runs verify the six ways the tests read, side by side, and writes each report as a file. */
async function writeReports(): Promise<void> {
  const [guarded, faulty, faultyPt, contract] = await Promise.all([
    startMerchant({ auth: AUTH }),
    startFaultyMerchant({ auth: AUTH, search: 'misspelt-property' }),
    startFaultyMerchant({ auth: AUTH, search: 'misspelt-property' }),
    startMerchant({ auth: AUTH, breaks: 'price-as-string' }),
  ]);
  try {
    const down = `http://127.0.0.1:${await freePort()}/v1`;
    // The wrong token is refused before it changes anything: the passing run beside it meets the same merchant.
    const runs = {
      'five faults': verify('http://127.0.0.1:1/v1', {}, undefined, { urls: faulty.urls }),
      'five faults, in pt-BR': verify('http://127.0.0.1:1/v1', {}, undefined, { urls: faultyPt.urls }, 'pt-BR'),
      'a wrong token': verify(guarded.baseUrl, { header: ['Authorization: Bearer not-the-token'] }),
      'a base URL that is down': verify(down, { header: [] }),
      'a contract violation that stops the order checks': verify(contract.baseUrl),
      'a merchant that passes': verify(guarded.baseUrl),
    };
    await Promise.all(
      Object.entries(runs).map(async ([name, run]) => {
        const file = path.join(dir, `${name.replace(/\W+/g, '-')}.html`);
        fs.writeFileSync(file, renderHtml((await run).report));
        pages[name] = file;
      }),
    );
  } finally {
    await Promise.all([guarded.close(), faulty.close(), faultyPt.close(), contract.close()]);
  }
}

beforeAll(async () => {
  // chromium starts while the runs run.
  const launching = launchBrowser();
  try {
    await writeReports();
  } finally {
    browser = await launching;
  }
  tab = await browser.newPage();
  tab.on('request', (request) => {
    if (request.url() !== `file://${pages[shown]}`) fetched.push(request.url());
  });
});

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

/**
 * Loads a report afresh at a viewport size, as a new tab would show it: at the top, folds as the
 * report opens them, nothing fetched yet.
 */
async function show(report: string, width: number, height = 800): Promise<Page> {
  // From a blank page: loading the file the tab shows already would restore its scroll position.
  await tab.goto('about:blank');
  await tab.setViewportSize({ width, height });
  shown = report;
  fetched.length = 0;
  await tab.goto(`file://${pages[report]}`);
  return tab;
}

const openAllFolds = (page: Page): Promise<void> =>
  page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

describe('the HTML report in a browser', () => {
  it.each(REPORTS.flatMap((report) => [[report, 1280, 800] as const, [report, 390, 844] as const]))(
    'shows the verdict banner and the first fix without scrolling (%s, %ix%i)',
    async (report, width, height) => {
      const page = await show(report, width, height);
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
    },
  );

  it.each(REPORTS)('never scrolls sideways from 390 to 1600 px wide, folds open or closed (%s)', async (report) => {
    const page = await show(report, 390);
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
  });

  it.each(REPORTS)('has a table of contents whose every link lands on its section (%s)', async (report) => {
    const page = await show(report, 1280, 800);
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
  });

  // With every fold open axe-core sees all a closed fold hides (it leaves out what is not shown), so
  // one run per layout: the report's style changes at 34rem, between 390 and 1280 px.
  it.each(REPORTS)('passes axe-core with no violation at 1280 and 390 px, every fold open (%s)', async (report) => {
    const page = await show(report, 1280);
    await openAllFolds(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      expect({ width, folds: 'open', violations: await axeViolations(page) }).toEqual({
        width,
        folds: 'open',
        violations: [],
      });
    }
  });

  it.each(REPORTS)('is one self-contained file: nothing is fetched to show it (%s)', async (report) => {
    const page = await show(report, 1280);
    await openAllFolds(page);
    expect(fetched).toEqual([]);
  });

  it('links every cause of the what-to-fix list to its finding, with its fix, why it matters and its request', async () => {
    const page = await show('five faults', 1280);
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
  });

  it('says the same five findings in Portuguese: the page is pt-BR, its links and ids are the English ones', async () => {
    const page = await show('five faults, in pt-BR', 1280);
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
  });
});
