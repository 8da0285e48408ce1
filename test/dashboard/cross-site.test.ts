import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { adminState, seedState } from '../mock/admin-state';
import { serveMock, type ServedMock } from '../mock/helpers';

// Pages of other sites, in Debian's chromium, try to steer a mock on loopback that has no admin token:
// the reset from the bug report (a bodiless no-cors POST), the other simple requests a page may send
// without a CORS preflight, the preflighted ones, and a page whose own DNS name was rebound to
// 127.0.0.1. Each request reaches the mock (its log says so) and the mock's state is unchanged after.

/** One line of the mock's request log, as `serve` prints it. */
interface LogLine {
  method: string;
  path: string;
  status: number;
}

const lines: LogLine[] = [];
let logged: (() => void) | undefined;
/** The admin calls the mock has logged (once answered), as `METHOD path status`. */
const adminCalls = (): string[] =>
  lines.filter((l) => l.path.startsWith('/__admin/')).map((l) => `${l.method} ${l.path} ${l.status}`);
/** Resolves once the mock has logged `count` admin calls: beacons and forms finish after the page's script. */
async function adminCallsLogged(count: number): Promise<string[]> {
  while (adminCalls().length < count) await new Promise<void>((resolve) => (logged = resolve));
  return adminCalls();
}

let mock: ServedMock;
let attacker: http.Server;
let attackerOrigin: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** The rebound name: the browser resolves it to 127.0.0.1, as a DNS-rebinding attacker's server makes it. */
const REBOUND = 'rebind.test';

beforeAll(async () => {
  mock = await serveMock({
    log: (text) => {
      lines.push(JSON.parse(text) as LogLine);
      logged?.();
    },
  });
  // The second origin: another port is another site to the browser, as another host would be.
  attacker = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><html lang="en"><title>a page elsewhere</title><body><iframe name="sink"></iframe></body></html>',
    );
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  browser = await launchBrowser([`--host-resolver-rules=MAP ${REBOUND} 127.0.0.1`]);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  attacker?.closeAllConnections();
  await new Promise((resolve) => attacker?.close(resolve));
  await mock?.close();
});
beforeEach(async () => {
  await fetch(`${mock.origin}/__admin/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
  await fetch(`${mock.origin}/__admin/sandboxes/x`, {
    method: 'DELETE',
    headers: { 'content-type': 'application/json' },
  });
  await seedState(mock.origin);
  lines.length = 0;
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

describe('a page of another site, against a mock on loopback without --admin-token', () => {
  it('sends the reset of the bug report and every other simple request, and the mock changes nothing', async () => {
    const before = await adminState(mock.origin);
    lines.length = 0;
    const page = await newPage();
    await page.goto(`${attackerOrigin}/`);
    const outcomes = await page.evaluate(async (target) => {
      const results: Record<string, string> = {};
      const attempt = async (name: string, run: () => Promise<string>): Promise<void> => {
        try {
          results[name] = await run();
        } catch (error) {
          results[name] = `refused by the browser: ${(error as Error).name}`;
        }
      };
      const noCors = (path: string, init: RequestInit): Promise<string> =>
        fetch(target + path, { ...init, mode: 'no-cors' }).then((res) => res.type);
      await attempt('bodiless no-cors POST', () => noCors('/__admin/sandboxes/x/reset', { method: 'POST' }));
      await attempt('text/plain no-cors POST', () => noCors('/__admin/reset', { method: 'POST', body: '{}' }));
      await attempt('JSON-typed no-cors POST', () =>
        noCors('/__admin/sandboxes/x/reset', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
      );
      await attempt('form-encoded no-cors POST', () =>
        noCors('/__admin/sandboxes', { method: 'POST', body: new URLSearchParams({ name: 'evil' }) }),
      );
      await attempt('CORS PUT of JSON', () =>
        fetch(`${target}/__admin/scenarios/orderValidation`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: '{"scenario":"out-of-stock"}',
        }).then((res) => String(res.status)),
      );
      await attempt('CORS DELETE', () =>
        fetch(`${target}/__admin/sandboxes/x`, { method: 'DELETE' }).then((res) => String(res.status)),
      );
      await attempt('reading the journal', () => fetch(`${target}/__admin/requests`).then((res) => res.text()));
      await attempt('a beacon', async () => String(navigator.sendBeacon(`${target}/__admin/reset`, 'x')));
      // A plain HTML form, posted into the page's iframe: the oldest cross-site request there is.
      await attempt('a form post', () => {
        const form = document.createElement('form');
        Object.assign(form, {
          method: 'POST',
          action: `${target}/__admin/reset`,
          target: 'sink',
          enctype: 'text/plain',
        });
        document.body.append(form);
        const loaded = new Promise<string>((resolve) =>
          document.querySelector('iframe')?.addEventListener('load', () => resolve('posted'), { once: true }),
        );
        form.submit();
        return loaded;
      });
      return results;
    }, mock.origin);

    // The simple requests went out (the browser gives no-cors answers back opaque), the others did not.
    expect(outcomes).toEqual({
      'bodiless no-cors POST': 'opaque',
      'text/plain no-cors POST': 'opaque',
      'JSON-typed no-cors POST': 'opaque',
      'form-encoded no-cors POST': 'opaque',
      'CORS PUT of JSON': 'refused by the browser: TypeError',
      'CORS DELETE': 'refused by the browser: TypeError',
      'reading the journal': 'refused by the browser: TypeError',
      'a beacon': 'true',
      'a form post': 'posted',
    });
    // Each reached the mock and was refused there; the preflights too, so no PUT or DELETE followed.
    expect((await adminCallsLogged(9)).sort()).toEqual(
      [
        'POST /__admin/sandboxes/x/reset 403',
        'POST /__admin/reset 403',
        'POST /__admin/sandboxes/x/reset 403',
        'POST /__admin/sandboxes 403',
        'OPTIONS /__admin/scenarios/orderValidation 403',
        'OPTIONS /__admin/sandboxes/x 403',
        'GET /__admin/requests 403',
        'POST /__admin/reset 403',
        'POST /__admin/reset 403',
      ].sort(),
    );
    expect(await adminState(mock.origin)).toEqual(before);
  });

  it("finds a page whose DNS name was rebound to 127.0.0.1 refused on its own origin's requests", async () => {
    const before = await adminState(mock.origin);
    lines.length = 0;
    const port = new URL(mock.origin).port;
    const rebound = `http://${REBOUND}:${port}`;
    const page = await newPage();
    // A document of that origin: any page the mock serves outside the admin API (in a real attack, the
    // attacker's own page, loaded before the name was rebound; chromium would refuse a public page's
    // calls to 127.0.0.1 on its own, other browsers do not).
    await page.goto(`${rebound}/v1/products/productsearch?query=camiseta&size=1`);
    const answers = await page.evaluate(async () => {
      const json = { 'content-type': 'application/json' };
      const read = await fetch('/__admin/requests');
      const reset = await fetch('/__admin/sandboxes/x/reset', { method: 'POST', headers: json });
      const console = await fetch('/__admin/');
      return [
        { status: read.status, body: await read.text() },
        { status: reset.status, body: await reset.text() },
        { status: console.status, body: await console.text() },
      ];
    });
    for (const answer of answers) {
      expect(answer.status).toBe(421);
      expect(JSON.parse(answer.body).type).toBe('https://omnichat-merchant-kit.dev/problems/misdirected-request');
    }
    // Chromium sends a request again once after a 421 (on a fresh connection), so each may be logged twice.
    await adminCallsLogged(answers.length);
    expect(new Set(adminCalls())).toEqual(
      new Set(['GET /__admin/requests 421', 'POST /__admin/sandboxes/x/reset 421', 'GET /__admin/ 421']),
    );
    expect(await adminState(mock.origin)).toEqual(before);
  });
});
