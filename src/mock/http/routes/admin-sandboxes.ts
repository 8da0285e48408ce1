import type { Request, Router } from 'express';
import { OPERATIONS, OPERATION_IDS } from '../../../contracts';
import type { MockContext } from '../../sandboxes/context';
import { readJsonBody } from '../json-body';
import { said } from '../../i18n';
import { HttpProblem } from '../../errors/problems';
import { storePrefix } from '../../sandboxes/sandbox';
import { applySettings, settingsView } from '../../sandboxes/sandbox-settings';
import type { SandboxRegistry } from '../../sandboxes/sandboxes';
import { sendJsonText } from './respond';

/** A store as the sandbox list shows it: its five paths, settings (secrets masked) and what it holds. */
async function sandboxView(ctx: MockContext, sandboxes: SandboxRegistry): Promise<Record<string, unknown>> {
  const prefix = storePrefix(ctx.name);
  return {
    name: ctx.name,
    paths: Object.fromEntries(OPERATION_IDS.map((id) => [id, `${prefix}${ctx.basePath}${OPERATIONS[id].path}`])),
    settings: settingsView(ctx.settings),
    orders: await ctx.store.count(),
    requests: await ctx.journal.count(),
    stockChanges: ctx.catalog.changes,
    watchers: ctx.events.watchers,
    inUse: await sandboxes.inUse(ctx),
    createdAt: new Date(ctx.usage.createdAt).toISOString(),
    lastUsedAt: new Date(ctx.usage.lastUsed).toISOString(),
  };
}

/**
 * The sandboxes themselves: list (`GET /sandboxes`), create with settings (`POST /sandboxes`), read,
 * change settings and delete one (`GET`, `PATCH`, `DELETE /sandboxes/{name}`; `default` is the store
 * at the plain base path, which can be changed but not deleted).
 */
export function mountSandboxes(router: Router, sandboxes: SandboxRegistry): void {
  router.get('/sandboxes', async (_req, res) => {
    const views = [];
    for (const ctx of await sandboxes.list()) views.push(await sandboxView(ctx, sandboxes));
    sendJsonText(
      res,
      200,
      JSON.stringify({
        sandboxes: views,
        maxSandboxes: sandboxes.limits.max,
        idleSeconds: Math.round(sandboxes.limits.idleMs / 1000),
        dropped: sandboxes.dropped,
      }),
    );
  });
  router.post('/sandboxes', async (req, res) => {
    const body = await objectBody(req);
    if (typeof body.name !== 'string') throw new HttpProblem('bad-admin-request', said('admin.sandboxNameRequired'));
    const ctx = await sandboxes.create(body.name, (defaults) => applySettings(body, defaults, ['name']));
    sendJsonText(res, 201, JSON.stringify(await sandboxView(ctx, sandboxes)));
  });
  router.get('/sandboxes/:name', async (req, res) => {
    const ctx = await sandboxes.existing(String(req.params.name));
    sendJsonText(res, 200, JSON.stringify(await sandboxView(ctx, sandboxes)));
  });
  router.patch('/sandboxes/:name', async (req, res) => {
    const ctx = await sandboxes.existing(String(req.params.name));
    await sandboxes.configure(ctx, applySettings(await objectBody(req), ctx.settings));
    sendJsonText(res, 200, JSON.stringify(await sandboxView(ctx, sandboxes)));
  });
  router.delete('/sandboxes/:name', async (req, res) => {
    await sandboxes.remove(String(req.params.name));
    sendJsonText(res, 200, JSON.stringify({ result: 'ok' }));
  });
}

async function objectBody(req: Request): Promise<Record<string, unknown>> {
  const body = await readJsonBody(req);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpProblem('bad-admin-request', said('admin.settingsObject'));
  return body as Record<string, unknown>;
}
