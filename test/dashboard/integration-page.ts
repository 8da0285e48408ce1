import type { Page } from 'playwright-core';

/** OmniChat's labels of the five URLs, and the path of each under a mock store's base. */
const URL_FIELDS: [label: string, path: string][] = [
  ['URL de Busca de Produto', '/products/productsearch'],
  ['URL de Validação de Pedido', '/orders/orderchecker'],
  ['URL de Criação de Pedido', '/orders/orderprovisioning'],
  ['URL de Cancelamento de Pedido', '/orders/ordercancel'],
  ['URL de Notificação de Status', '/orders/statuschange'],
];

/** Types the five URLs of a mock store (its base, e.g. ORIGIN/sandboxes/loja/v1) into the Testar integração form. */
export async function fillUrls(page: Page, base: string): Promise<void> {
  for (const [label, path] of URL_FIELDS) await page.getByLabel(label).fill(`${base}${path}`);
}
