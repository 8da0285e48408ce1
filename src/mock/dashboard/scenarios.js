// @ts-check
// The scenarios panel: each operation's default scenario in this store, switchable, and a reset of
// the whole store (orders, journal, stock, scenarios, freight quotes).

import { api } from './api.js';
import { byId, h, notify, notifyError } from './dom.js';

/** @type {string} */
let base = '/__admin';
/** @type {string} */
let storeName = 'default';
/** @type {ReturnType<typeof setTimeout> | undefined} */
let disarm;

/** Wires the reset button; call once. `onReset` runs after a reset. @param {() => void} onReset */
export function setUpScenarios(onReset) {
  const button = byId('reset-store');
  button.addEventListener('click', async () => {
    // Two steps: a reset forgets everything the store holds.
    if (button.dataset.armed !== 'true') {
      button.dataset.armed = 'true';
      button.textContent = `Click again to reset ${storeName}`;
      disarm = setTimeout(() => disarmReset(), 5000);
      return;
    }
    disarmReset();
    try {
      await api(`${base}/reset`, { method: 'POST' });
      notify(`Sandbox ${storeName} reset: orders, requests, stock, scenarios and freight quotes forgotten.`);
      onReset();
    } catch (error) {
      notifyError(error);
    }
  });
}

function disarmReset() {
  clearTimeout(disarm);
  const button = byId('reset-store');
  button.dataset.armed = 'false';
  button.textContent = 'Reset this sandbox';
}

/**
 * Shows another store's scenarios.
 * @param {string} storeBase
 * @param {string} name
 */
export async function showScenarios(storeBase, name) {
  base = storeBase;
  storeName = name;
  disarmReset();
  /** @type {{ defaults: Record<string, string>, available: Record<string, string[]> }} */
  const scenarios = await api(`${base}/scenarios`);
  if (storeBase !== base) return;
  byId('scenario-rows').replaceChildren(
    // A row per operation the API lists (all five, in the contract's order): the page keeps no copy of them.
    ...Object.keys(scenarios.available).map((operation) => {
      const id = `scenario-${operation}`;
      const select = /** @type {HTMLSelectElement} */ (
        h(
          'select',
          { id },
          h('option', { value: '', text: 'none (normal answers)' }),
          ...scenarios.available[operation].map((name) => h('option', { value: name, text: name })),
        )
      );
      select.value = scenarios.defaults[operation] ?? '';
      select.addEventListener('change', async () => {
        try {
          await api(`${base}/scenarios/${operation}`, { method: 'PUT', body: { scenario: select.value || null } });
          notify(select.value ? `${operation} now answers with ${select.value}.` : `${operation} answers normally.`);
        } catch (error) {
          notifyError(error);
        }
      });
      return h('tr', {}, h('th', { scope: 'row' }, h('label', { for: id, text: operation })), h('td', {}, select));
    }),
  );
}
