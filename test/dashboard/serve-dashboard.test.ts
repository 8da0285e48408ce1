import { startServe } from '../support/serve-child';
import { SMALL_CATALOG_PATH } from '../mock/helpers';

// What the start-up line advertises is the dashboard, served by the built CLI (the build copies its files).

describe('merchant-kit serve and the dashboard', () => {
  it('prints the dashboard URL, and that URL answers the page and its files', async () => {
    const server = await startServe(['--quiet', '--catalog', SMALL_CATALOG_PATH]);
    try {
      const match = /dashboard (http:\/\/\S+\/__admin\/)/.exec(server.output());
      expect(match).not.toBeNull();
      const page = await fetch((match as RegExpExecArray)[1]);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const scripts = [...(await page.text()).matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
      expect(scripts).toEqual(['/__admin/assets/main.js']);
      for (const file of ['main.js', 'api.js', 'journal.js', 'orders.js', 'stock.js', 'dashboard.css', 'panels.css'])
        expect((await fetch(`${server.origin}/__admin/assets/${file}`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
