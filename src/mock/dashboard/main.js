// @ts-check
// The QA console: wires the sandbox picker, the tabs, the token prompt and the live stream to the
// panels. It uses only the public admin API.

import { api, storeBase } from './api.js';
import { byId, notify, notifyError } from './dom.js';
import { addToJournal, lastSeq, setUpJournal, showJournal } from './journal.js';
import { ordersChanged, showOrders } from './orders.js';
import { loadSandboxes, setUpSandboxForm, showSandbox } from './sandboxes.js';
import { setUpScenarios, showScenarios } from './scenarios.js';
import { setUpStock, showStock, stockChanged } from './stock.js';
import { watch } from './stream.js';
import { setUpTokenPrompt } from './token-prompt.js';

/** Operations that change orders and stock: their requests refresh those panels. */
const CHANGING = new Set(['orderCreation', 'orderCancellation', 'statusNotification']);

/** @type {() => void} */
let stopWatching = () => undefined;
let current = 'default';
/** Bumped by each reload, so a slower earlier one never starts a second watch. */
let generation = 0;

function setUpTabs() {
  const tabs = /** @type {HTMLButtonElement[]} */ ([...document.querySelectorAll('[role="tab"]')]);
  /** @param {HTMLButtonElement} tab */
  const pick = (tab) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      byId(/** @type {string} */ (other.getAttribute('aria-controls'))).hidden = !selected;
    }
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => pick(tab));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      const next = tabs[(index + step + tabs.length) % tabs.length];
      pick(next);
      next.focus();
    });
  });
}

/** @param {'live' | 'reconnecting'} state */
function showState(state) {
  const live = byId('live');
  live.dataset.state = state;
  live.textContent = state === 'live' ? `live · ${current}` : 'reconnecting…';
}

/**
 * @param {string} event
 * @param {any} data
 */
function onEvent(event, data) {
  if (event === 'request') {
    addToJournal(data);
    if (CHANGING.has(data.operation)) {
      ordersChanged();
      stockChanged();
    }
  } else if (event === 'order') ordersChanged();
  else if (event === 'stock') stockChanged();
  else if (event === 'reset') void reload();
  else if (event === 'deleted') {
    notify(`Sandbox ${current} was deleted: showing the default one.`, 'error');
    pickSandbox('default');
  }
}

/** Shows everything of the picked sandbox, then watches it live. */
async function reload() {
  stopWatching();
  stopWatching = () => undefined;
  const mine = ++generation;
  const name = current;
  const base = storeBase(name);
  const sandboxes = await loadSandboxes(name);
  if (mine !== generation) return;
  if (!sandboxes.some((s) => s.name === name)) {
    notify(`There is no sandbox ${name} (any more): showing the default one.`, 'error');
    current = 'default';
    return reload();
  }
  showSandbox(name);
  const entries = await api(`${base}/requests`);
  if (mine !== generation) return;
  showJournal(entries);
  await Promise.all([showOrders(base), showScenarios(base, name), showStock(base)]);
  if (mine !== generation) return;
  stopWatching = watch(base, lastSeq(), { onEvent, onState: showState });
}

/** @param {string} name */
function pickSandbox(name) {
  current = name;
  history.replaceState(null, '', name === 'default' ? location.pathname : `#sandbox=${encodeURIComponent(name)}`);
  reload().catch(notifyError);
}

setUpTokenPrompt({
  why: () => 'This mock protects its admin API: enter the value of --admin-token.',
  refused: () => 'That token was refused. Enter the value of --admin-token this mock was started with.',
});
setUpTabs();
setUpJournal();
setUpStock();
setUpScenarios(() => void reload());
setUpSandboxForm(pickSandbox);
byId('sandbox').addEventListener('change', (event) =>
  pickSandbox(/** @type {HTMLSelectElement} */ (event.target).value),
);
// Sandboxes appear on their first request: refresh the list whenever the picker is about to be used.
byId('sandbox').addEventListener('focus', () => void loadSandboxes(current).catch(() => undefined));
const fromHash = /^#sandbox=([a-z0-9-]{1,40})$/.exec(location.hash);
pickSandbox(fromHash ? fromHash[1] : 'default');
