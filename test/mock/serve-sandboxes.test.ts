import { startServe } from '../support/serve-child';
import { SMALL_CATALOG_PATH } from './helpers';

// The sandbox flags of `merchant-kit serve`, through the built CLI as a tester runs it.

describe('merchant-kit serve --max-sandboxes --sandbox-idle', () => {
  it('serves sandboxes up to the bound, says so past it, and lists the limits', async () => {
    const server = await startServe([
      '--catalog',
      SMALL_CATALOG_PATH,
      '--max-sandboxes',
      '1',
      '--sandbox-idle',
      '30m',
      '--auth',
      'X-Loja: cli-k3y',
    ]);
    try {
      const search = (name: string, key = 'cli-k3y'): Promise<Response> =>
        fetch(`${server.origin}/sandboxes/${name}/v1/products/productsearch?query=camiseta`, {
          headers: { 'x-loja': key },
        });
      expect((await search('qa-one')).status).toBe(200);
      // A sandbox requires the server's --auth headers until its settings change.
      expect((await search('qa-one', 'wrong')).status).toBe(401);
      const refused = await search('qa-two');
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { detail: string }).detail).toContain('--max-sandboxes');
      const list = (await (await fetch(`${server.origin}/__admin/sandboxes`)).json()) as Record<string, unknown>;
      expect(list).toMatchObject({ maxSandboxes: 1, idleSeconds: 1800 });
      expect(server.output()).toContain('"sandbox":"qa-one"');
      expect(server.output()).not.toContain('cli-k3y');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
