import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';

/** One browser for a test file, and a fresh context (its own sessionStorage) per page. */
export class DashboardBrowser {
  private browser: Browser | undefined;
  private readonly contexts: BrowserContext[] = [];
  /** Errors thrown in any page (a test asserts there were none). */
  readonly errors: string[] = [];

  async start(): Promise<void> {
    this.browser = await launchBrowser();
  }

  /**
   * Opens the dashboard (or another page of the console: `path`) in a new tab of its own; errors the page
   * throws fail the test. bypassCSP lets axe-core be injected: the page itself never needs it.
   */
  async open(origin: string, width = 1280, hash = '', { live = true, path = '/__admin/' } = {}): Promise<Page> {
    if (!this.browser) throw new Error('start() the browser first');
    const context = await this.browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => this.errors.push(error.message));
    await page.goto(`${origin}${path}${hash}`);
    if (live) await page.locator('#live[data-state="live"]').waitFor();
    return page;
  }

  /**
   * Closes every page opened so far. A page left open stays live: it takes every later event of the
   * mock and redraws, and a file's tests would pay for all the pages before theirs.
   */
  async closePages(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close();
  }

  async stop(): Promise<void> {
    await this.closePages();
    await this.browser?.close();
  }
}

/** POSTs JSON to the mock as OmniChat would. */
export function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
