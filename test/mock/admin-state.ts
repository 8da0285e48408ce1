import { CREATE, line, order } from './helpers';

/** Gives a mock something to lose: order G-1 in the default store and in sandbox x. */
export async function seedState(origin: string): Promise<void> {
  for (const prefix of ['', '/sandboxes/x']) {
    const created = await fetch(`${origin}${prefix}${CREATE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(order('G-1', [line('L1', '2001-P', 2)])),
    });
    if (created.status !== 200) throw new Error(`seeding the mock: HTTP ${created.status}`);
  }
}

/**
 * What a state-changing admin call could change (sandboxes, their orders, stock changes and settings,
 * default scenarios, a variant's stock, a product's block), read through the admin API as the console
 * reads it. Sandbox x may be gone: a 404 is part of the state then.
 */
export async function adminState(origin: string): Promise<unknown> {
  const read = async (path: string): Promise<unknown> => {
    const answer = await fetch(`${origin}${path}`);
    return answer.status === 200 ? answer.json() : answer.status;
  };
  const { sandboxes } = (await read('/__admin/sandboxes')) as { sandboxes: Record<string, unknown>[] };
  return {
    sandboxes: sandboxes.map(({ name, orders, stockChanges, settings }) => ({ name, orders, stockChanges, settings })),
    scenarios: [await read('/__admin/scenarios'), await read('/__admin/sandboxes/x/scenarios')],
    stock: await read('/__admin/stock/2001-P'),
    product: await read('/__admin/products/2001'),
  };
}
