// @ts-check
// The stock panel: search the catalog, see each variant's live quantity in this store, set it (0 tests
// out-of-stock), block or unblock a product.

import { api } from './api.js';
import { byId, h, notifyError } from './dom.js';

/** @type {string} */
let base = '/__admin';
/** @type {string | undefined} */
let lastQuery;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let pending;

/**
 * @typedef {{ objectId: string, name: string, quantity: number | null, initialQuantity: number | null, visible: boolean }} StockVariant
 * @typedef {{ objectId: string, name: string, blocked: boolean, sellOutOfStock: boolean, variants: StockVariant[] }} StockProduct
 */

/** Wires the search form; call once. */
export function setUpStock() {
  byId('stock-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void search(/** @type {HTMLInputElement} */ (byId('stock-query')).value);
  });
}

/**
 * Shows another store's stock (the same search, if one was made).
 * @param {string} storeBase
 */
export async function showStock(storeBase) {
  base = storeBase;
  if (lastQuery !== undefined) await search(lastQuery);
}

/** Refreshes the results shown, at most once per burst of events. */
export function stockChanged() {
  if (lastQuery === undefined) return;
  clearTimeout(pending);
  pending = setTimeout(() => void search(/** @type {string} */ (lastQuery)), 150);
}

/** @param {string} query */
async function search(query) {
  lastQuery = query;
  const from = base;
  /** @type {StockProduct[]} */
  let products;
  try {
    products = await api(`${base}/stock?${new URLSearchParams({ query, size: '20' })}`);
  } catch (error) {
    notifyError(error);
    return;
  }
  if (from !== base) return;
  byId('stock-results').replaceChildren(...products.map(productCard));
  byId('stock-empty').hidden = products.length > 0;
  byId('stock-empty').textContent = query ? `Nothing matches "${query}".` : 'Search the catalog to see its stock.';
}

/** @param {StockProduct} product */
function productCard(product) {
  const toggle = h('button', {
    type: 'button',
    text: product.blocked ? 'Unblock' : 'Block',
    'aria-label': `${product.blocked ? 'Unblock' : 'Block'} ${product.name}`,
    onclick: async () => {
      await act(() =>
        api(`${base}/products/${encodeURIComponent(product.objectId)}/blocked`, {
          method: 'PUT',
          body: { blocked: !product.blocked },
        }),
      );
    },
  });
  return h(
    'li',
    { class: 'product' },
    h(
      'div',
      { class: 'product-head' },
      h('h3', { text: product.name }),
      h('span', { class: 'muted', text: `#${product.objectId}` }),
      product.blocked ? h('span', { class: 'tag bad', text: 'blocked' }) : null,
      product.sellOutOfStock ? h('span', { class: 'tag', text: 'sells out of stock' }) : null,
      toggle,
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Variant', 'Name', 'In stock', 'Catalog', 'Set stock'].map((t) => h('th', { scope: 'col', text: t })),
          ),
        ),
        h('tbody', {}, ...product.variants.map(variantRow)),
      ),
    ),
  );
}

/** @param {StockVariant} variant */
function variantRow(variant) {
  const inputId = `qty-${variant.objectId}`;
  const input = /** @type {HTMLInputElement} */ (
    h('input', {
      id: inputId,
      type: 'number',
      min: '0',
      step: '1',
      inputmode: 'numeric',
      value: variant.quantity ?? '',
      'aria-label': `New stock of ${variant.objectId}`,
    })
  );
  const form = h(
    'form',
    {
      class: 'set-stock',
      onsubmit: async (/** @type {Event} */ event) => {
        event.preventDefault();
        await act(() =>
          api(`${base}/stock/${encodeURIComponent(variant.objectId)}`, {
            method: 'PUT',
            body: { quantity: Number(input.value) },
          }),
        );
      },
    },
    input,
    h('button', { type: 'submit', text: 'Set', 'aria-label': `Set stock of ${variant.objectId}` }),
  );
  return h(
    'tr',
    {},
    h('td', { text: variant.objectId }),
    h('td', { text: variant.name }),
    h('td', {
      class: 'qty',
      'data-sku': variant.objectId,
      text: variant.quantity === null ? 'not tracked' : String(variant.quantity),
    }),
    h('td', { text: variant.initialQuantity === null ? 'not tracked' : String(variant.initialQuantity) }),
    h('td', {}, form),
  );
}

/**
 * Runs an admin change, then shows the results again; a refused change is said in the status line.
 * @param {() => Promise<unknown>} change
 */
async function act(change) {
  try {
    await change();
    if (lastQuery !== undefined) await search(lastQuery);
  } catch (error) {
    notifyError(error);
  }
}
