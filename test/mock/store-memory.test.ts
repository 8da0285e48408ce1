import fs from 'node:fs';
import http from 'node:http';
import { startServe, type ServeChild } from '../support/serve-child';
import { CREATE } from './helpers';

// Issue 18, item 9: with the memory store, resident memory follows the byte budget a user sets. Before,
// 1,500 orders of 1 MB under --store-budget 256MB left `serve` at 1,294 MB resident: each order was
// kept as a parsed tree counted below its real cost. Now each is kept as its bytes.

const MB = 1024 * 1024;
const ORDERS = 1500;

/** Peak and current resident memory of a process, in MB, from /proc (Linux). */
function residentMb(pid: number): { peak: number; now: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

let serve: ServeChild | undefined;
afterAll(async () => {
  await serve?.stop();
});

describe('memory of the order store', () => {
  it(
    'stays under 800 MB resident after 1,500 orders of 1 MB under --store-budget 256MB',
    async () => {
      serve = await startServe(['--quiet', '--store-budget', '256MB']);
      const pid = serve.child.pid as number;
      const url = new URL(`${serve.origin}${CREATE}`);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
      const pad = 'x'.repeat(MB - 300);
      const post = (i: number): Promise<number> =>
        new Promise((resolve, reject) => {
          const body = JSON.stringify({
            objectId: `MEM-${i}`,
            items: [{ objectId: 'L1', variantId: '12345-1', quantity: 1 }],
            pad,
          });
          const req = http.request(
            url,
            { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            },
          );
          req.on('error', reject);
          req.end(body);
        });
      let next = 0;
      const statuses: number[] = [];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < ORDERS) {
            const i = next;
            next += 1;
            statuses.push(await post(i));
          }
        }),
      );
      agent.destroy();
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      const budgets = (await (await fetch(`${serve.origin}/__admin/budgets`)).json()) as {
        store: { usedBytes: number; orders: number };
      };
      // The budget holds about 255 of them, the newest.
      expect(budgets.store.usedBytes).toBeLessThanOrEqual(256 * MB);
      expect(budgets.store.orders).toBeGreaterThan(200);
      const resident = residentMb(pid);
      process.stdout.write(
        `measured: serve after ${ORDERS} orders of 1 MB, --store-budget 256MB: peak ${Math.round(resident.peak)} MB, now ${Math.round(resident.now)} MB resident\n`,
      );
      expect(resident.peak).toBeLessThan(800);
    },
    // 1.5 GB go through the mock: about a minute on a quiet machine, several on a busy one.
    600_000,
  );
});
