import type { Router } from 'express';
import { said } from '../../i18n';
import { HttpProblem } from '../../errors/problems';
import type { ContextOf } from './admin-events';
import { escapeMarkup as escapeHtml } from '../../../common/markup';

/** Serves the own-checkout page whose URL the provisions callback hands to OmniChat (per store). */
export function mountCheckout(router: Router, storeOf: ContextOf): void {
  router.get('/:id', async (req, res) => {
    const record = await (await storeOf(req, res)).store.get(String(req.params.id));
    if (!record)
      throw new HttpProblem(
        'order-not-found',
        said('detail.noOrder', { id: JSON.stringify(String(req.params.id).slice(0, 80)) }),
      );
    const { lines } = record;
    res
      .type('html')
      .send(
        `<!doctype html><html lang="pt-BR"><meta charset="utf-8"><title>Checkout ${escapeHtml(record.objectId)}</title>` +
          `<h1>Pedido ${escapeHtml(record.objectId)}</h1><p>Status: ${escapeHtml(record.status)}. Itens: ${lines}.</p>` +
          '<p>Checkout de teste do merchant-kit: nenhum pagamento é cobrado.</p></html>',
      );
  });
}
