// @ts-check
// The orders panel: the store's orders, newest first, and one order's whole timeline (creation,
// reservations, status notifications, cancellation, every callback attempt), with a re-send button
// for a failed callback.

import { api } from './api.js';
import { byId, fill, h, notify, notifyError, timeOf } from './dom.js';

/** @type {string} */
let base = '/__admin';
/** @type {string | undefined} */
let selected;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let pending;

/**
 * @typedef {{ objectId: string, status: string, created: boolean, lines: number, callbacks: string[] }} OrderSummary
 * @typedef {{ at: string, status?: number, error?: string }} Attempt
 * @typedef {{ callback: string, url: string, outcome: string, attempts: Attempt[] }} Callback
 * @typedef {{ at: string, event: string, status?: string, source: string, message?: string }} HistoryEntry
 * @typedef {{ objectId: string, status: string, created: boolean, items: Record<string, unknown>[],
 *   reservations: { sku: string, units: number, line?: string }[], stockReleased: boolean,
 *   statusHistory: HistoryEntry[], callbacks: Callback[], notes: string[] }} OrderDetail
 */

/**
 * Shows another store's orders.
 * @param {string} storeBase
 */
export async function showOrders(storeBase) {
  base = storeBase;
  selected = undefined;
  byId('order-detail').replaceChildren(h('p', { class: 'muted', text: 'Pick an order to see its timeline.' }));
  await refreshOrders();
}

/** Reloads the list (and the order shown), at most once per burst of events. */
export function ordersChanged() {
  clearTimeout(pending);
  pending = setTimeout(() => void refreshOrders(), 150);
}

async function refreshOrders() {
  const from = base;
  /** @type {OrderSummary[]} */
  const orders = await api(`${base}/orders`);
  if (from !== base) return;
  const list = byId('orders');
  list.replaceChildren(
    ...orders
      .slice()
      .reverse()
      .map((order) => {
        const failed = order.callbacks.includes('failed');
        return h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'order-pick',
              'aria-current': order.objectId === selected ? 'true' : null,
              onclick: () => void showOrder(order.objectId),
            },
            h('span', { class: 'order-id', text: order.objectId }),
            h('span', { class: 'tag', text: order.status }),
            h('span', { class: 'muted', text: `${order.lines} line${order.lines === 1 ? '' : 's'}` }),
            failed ? h('span', { class: 'tag bad', text: 'callback failed' }) : null,
          ),
        );
      }),
  );
  byId('orders-empty').hidden = orders.length > 0;
  if (selected !== undefined) await showOrder(selected);
}

/**
 * Shows one order's detail and timeline.
 * @param {string} objectId
 */
async function showOrder(objectId) {
  selected = objectId;
  for (const button of byId('orders').querySelectorAll('button.order-pick'))
    button.toggleAttribute('aria-current', button.querySelector('.order-id')?.textContent === objectId);
  /** @type {OrderDetail} */
  let order;
  try {
    order = await api(`${base}/orders/${encodeURIComponent(objectId)}`);
  } catch (error) {
    byId('order-detail').replaceChildren(
      h('p', { class: 'muted', text: String(/** @type {Error} */ (error).message) }),
    );
    return;
  }
  fill(
    byId('order-detail'),
    h('h3', { text: `Order ${order.objectId}` }),
    h(
      'p',
      {},
      'Status ',
      h('span', { class: 'tag', text: order.status }),
      order.stockReleased ? ' · stock released' : '',
    ),
    order.notes.length
      ? h(
          'div',
          {},
          h('h4', { text: 'Notes' }),
          h('ul', { class: 'notes' }, ...order.notes.map((n) => h('li', { text: n }))),
        )
      : null,
    h('h4', { text: 'Lines and reservations' }),
    linesTable(order),
    h('h4', { text: 'Timeline' }),
    h(
      'ol',
      { class: 'timeline' },
      ...timeline(order).map(([at, text, kind]) =>
        h('li', { class: `event-${kind}` }, h('span', { class: 'time', text: timeOf(at) }), ' ', text),
      ),
    ),
    order.callbacks.length ? h('h4', { text: 'Callbacks to OmniChat' }) : null,
    ...order.callbacks.map((callback, index) => callbackBlock(order, callback, index)),
  );
}

/** @param {OrderDetail} order */
function linesTable(order) {
  const rows = order.items.map((item) => {
    const sku = String(item.variantId ?? item.externalId ?? '');
    const held = order.reservations.filter((r) => r.sku === sku).reduce((sum, r) => sum + r.units, 0);
    return h(
      'tr',
      {},
      h('td', { text: String(item.objectId ?? '') }),
      h('td', { text: sku }),
      h('td', { text: String(item.quantity ?? '') }),
      h('td', { text: String(held) }),
    );
  });
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, ...['Line', 'Variant', 'Asked', 'Reserved'].map((t) => h('th', { scope: 'col', text: t }))),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

/**
 * Every event of the order by time: its history and each callback attempt.
 * @param {OrderDetail} order
 * @returns {[string, string, string][]}
 */
function timeline(order) {
  /** @type {[string, string, string][]} */
  const events = order.statusHistory.map((entry) => [
    entry.at,
    `${entry.event}${entry.status ? ` ${entry.status}` : ''} (${entry.source})${entry.message ? `: ${entry.message}` : ''}`,
    entry.event,
  ]);
  order.callbacks.forEach((callback, index) => {
    callback.attempts.forEach((attempt, n) => {
      const result =
        attempt.status !== undefined ? `answered ${attempt.status}` : `failed: ${attempt.error ?? 'no answer'}`;
      events.push([attempt.at, `callback ${index + 1} (${callback.callback}) attempt ${n + 1} ${result}`, 'attempt']);
    });
  });
  return events.sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * @param {OrderDetail} order
 * @param {Callback} callback
 * @param {number} index
 */
function callbackBlock(order, callback, index) {
  const resend = h('button', {
    type: 'button',
    text: 'Re-send',
    'aria-label': `Re-send callback ${index + 1} of order ${order.objectId}`,
    onclick: async () => {
      try {
        await api(`${base}/orders/${encodeURIComponent(order.objectId)}/callbacks`, { method: 'POST' });
        notify(`Callback of ${order.objectId} sent again.`);
        await showOrder(order.objectId);
      } catch (error) {
        notifyError(error);
      }
    },
  });
  return h(
    'div',
    { class: 'callback' },
    h(
      'p',
      {},
      h('strong', { text: `${index + 1}. ${callback.callback}` }),
      ' ',
      h('span', { class: `tag ${callback.outcome === 'failed' ? 'bad' : ''}`, text: callback.outcome }),
      ` after ${callback.attempts.length} attempt${callback.attempts.length === 1 ? '' : 's'}`,
    ),
    h('p', { class: 'url', text: callback.url }),
    callback.outcome === 'failed' && index === order.callbacks.length - 1 ? resend : null,
  );
}
