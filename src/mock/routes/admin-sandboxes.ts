import type { Router } from 'express';
import { OPERATIONS, OPERATION_IDS } from '../../contracts';
import type { MockContext } from '../context';
import { settingsView } from '../sandbox-settings';
import { sendJsonText } from './respond';

/** A store as the sandbox list shows it: its five paths, settings (secrets masked) and what it holds. */
export function sandboxView(ctx: MockContext): Record<string, unknown> {
  const prefix = ctx.name === 'default' ? '' : `/sandboxes/${ctx.name}`;
  return {
    name: ctx.name,
    paths: Object.fromEntries(OPERATION_IDS.map((id) => [id, `${prefix}${ctx.basePath}${OPERATIONS[id].path}`])),
    settings: settingsView(ctx.settings),
    orders: ctx.store.list().length,
    requests: ctx.journal.entries().length,
    stockChanges: ctx.catalog.changes,
    watchers: ctx.events.watchers,
  };
}

/** `GET /sandboxes`: the stores of this mock (the default one first). */
export function mountSandboxes(router: Router, stores: () => MockContext[]): void {
  router.get('/sandboxes', (_req, res) => {
    sendJsonText(res, 200, JSON.stringify({ sandboxes: stores().map(sandboxView) }));
  });
}
