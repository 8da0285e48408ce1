// @ts-check
// The sandbox picker: every store of this mock, the five URLs of the one picked (ready to copy into
// OmniChat's settings screen), its settings, and a form to create a new one.

import { api } from './api.js';
import { byId, h, notify } from './dom.js';

/** OmniChat's names for the five URLs, in the order of its settings screen. */
const LABELS = {
  productSearch: 'URL de Busca de Produto',
  orderValidation: 'URL de Validação de Pedido',
  orderCreation: 'URL de Criação de Pedido',
  orderCancellation: 'URL de Cancelamento de Pedido',
  statusNotification: 'URL de Notificação de Status',
};

/**
 * @typedef {{ checkout: string, headers: { key: string, value: string }[], omnichatApi: string | null,
 *   omnichatToken: string | null, allowFreightChange: boolean }} Settings
 * @typedef {{ name: string, paths: Record<string, string>, settings: Settings, orders: number, requests: number }} SandboxView
 */

/** @type {SandboxView[]} */
let known = [];

/**
 * Loads the list of sandboxes into the picker, keeping `current` picked.
 * @param {string} current
 * @returns {Promise<SandboxView[]>}
 */
export async function loadSandboxes(current) {
  /** @type {{ sandboxes: SandboxView[] }} */
  const list = await api('/__admin/sandboxes');
  /** @param {SandboxView[]} sandboxes */
  const names = (sandboxes) => sandboxes.map((s) => s.name).join('\n');
  const changed = names(list.sandboxes) !== names(known);
  known = list.sandboxes;
  const select = /** @type {HTMLSelectElement} */ (byId('sandbox'));
  // Left alone when nothing changed, so a picker the reader is about to open is not rebuilt under them.
  if (changed)
    select.replaceChildren(
      ...known.map((s) =>
        h('option', { value: s.name, text: s.name === 'default' ? 'default (plain base path)' : s.name }),
      ),
    );
  select.value = known.some((s) => s.name === current) ? current : 'default';
  return known;
}

/**
 * Shows the five URLs and the settings of a sandbox.
 * @param {string} name
 */
export function showSandbox(name) {
  const sandbox = known.find((s) => s.name === name);
  if (!sandbox) return;
  const urls = byId('urls');
  urls.replaceChildren(
    ...Object.entries(LABELS).flatMap(([operation, label]) => {
      const url = `${location.origin}${sandbox.paths[operation] ?? ''}`;
      const id = `url-${operation}`;
      const input = /** @type {HTMLInputElement} */ (
        h('input', { id, readonly: true, value: url, spellcheck: 'false' })
      );
      const copy = h('button', {
        type: 'button',
        class: 'secondary',
        text: 'Copy',
        'aria-label': `Copy the ${label}`,
        onclick: async () => {
          input.select();
          try {
            await navigator.clipboard.writeText(url);
            notify(`${label} copied.`);
          } catch {
            notify('Selected: copy it with Ctrl+C (this browser refused the clipboard).');
          }
        },
      });
      return [h('dt', {}, h('label', { for: id, text: label })), h('dd', {}, input, copy)];
    }),
  );
  const s = sandbox.settings;
  const headers = s.headers.length ? `requires ${s.headers.map((x) => x.key).join(', ')}` : 'no auth header required';
  const callbacks = s.omnichatApi ? `callbacks to ${s.omnichatApi}` : 'no callbacks (no OmniChat API URL)';
  byId('settings').textContent = [
    s.checkout === 'own' ? 'Checkout Próprio' : 'Checkout Omni',
    headers,
    callbacks,
    `freight changes ${s.allowFreightChange ? 'allowed' : 'refused'}`,
  ].join(' · ');
}

/**
 * Wires the "New sandbox" dialog; `created` runs with the new sandbox's name.
 * @param {(name: string) => void} created
 */
export function setUpSandboxForm(created) {
  const dialog = /** @type {HTMLDialogElement} */ (byId('sandbox-dialog'));
  byId('new-sandbox').addEventListener('click', () => {
    byId('sandbox-error').textContent = '';
    dialog.showModal();
  });
  byId('sandbox-cancel').addEventListener('click', () => dialog.close());
  byId('sandbox-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = /** @type {HTMLInputElement} */ (byId('sandbox-name')).value.trim();
    try {
      await api('/__admin/sandboxes', {
        method: 'POST',
        body: {
          name,
          checkout: /** @type {HTMLSelectElement} */ (byId('sandbox-checkout')).value,
          allowFreightChange: /** @type {HTMLSelectElement} */ (byId('sandbox-freight')).value === 'true',
        },
      });
    } catch (error) {
      byId('sandbox-error').textContent = String(/** @type {Error} */ (error).message);
      return;
    }
    dialog.close();
    created(name);
  });
}
