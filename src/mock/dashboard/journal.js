// @ts-check
// The requests panel: the store's journal, newest first, live, filterable by operation and status;
// each entry opens to its request and answer (auth header values come masked from the server).

import { byId, h, pretty, timeOf } from './dom.js';

/** As many entries as the server's journal keeps. */
const KEPT = 1000;

/**
 * @typedef {{ seq?: number, at: string, method: string, path: string, query?: string, operation?: string,
 *   status: number, durationMs: number, scenario?: string, headers: Record<string, string>,
 *   violations?: { pointer: string, message: string }[], requestBody?: string, requestBodyLength?: number,
 *   responseType?: string, responseBody?: string, responseBodyLength?: number }} JournalEntry
 */

/** @type {JournalEntry[]} */
let entries = [];

/**
 * The status class of an answer, as the status filter names it.
 * @param {number} status
 */
function statusClass(status) {
  return status === 0 ? 'none' : `${Math.floor(status / 100)}xx`;
}

/** @param {JournalEntry} entry */
function matches(entry) {
  const operation = /** @type {HTMLSelectElement} */ (byId('filter-operation')).value;
  const status = /** @type {HTMLSelectElement} */ (byId('filter-status')).value;
  if (operation === 'other' ? entry.operation !== undefined : operation !== '' && entry.operation !== operation)
    return false;
  return status === '' || statusClass(entry.status) === status;
}

/**
 * A body preview with its length, when only the start of it was kept.
 * @param {string} title
 * @param {string | undefined} text
 * @param {number | undefined} length
 * @param {string} [type]
 */
function bodyBlock(title, text, length, type) {
  if (text === undefined) return h('p', { class: 'muted', text: `${title}: no body` });
  const cut = length !== undefined && length > text.length ? ` (first ${text.length} of ${length})` : '';
  return h(
    'div',
    { class: 'body' },
    h('h4', { text: `${title}${type ? ` · ${type}` : ''}${cut}` }),
    h('pre', { tabindex: '0', text: pretty(text) }),
  );
}

/** @param {JournalEntry} entry */
function render(entry) {
  const target = entry.query ? `${entry.path}?${entry.query}` : entry.path;
  const status = entry.status === 0 ? 'no answer' : String(entry.status);
  const summary = h(
    'summary',
    {},
    h('span', { class: 'time', text: timeOf(entry.at) }),
    h('span', { class: 'method', text: entry.method }),
    h('span', { class: `status s${statusClass(entry.status)}`, text: status }),
    h('span', { class: 'operation', text: entry.operation ?? 'other' }),
    h('span', { class: 'path', text: entry.path }),
    h('span', { class: 'duration', text: `${entry.durationMs} ms` }),
    entry.scenario ? h('span', { class: 'tag', text: `scenario ${entry.scenario}` }) : null,
  );
  const headers = h('dl', { class: 'headers' });
  for (const [name, value] of Object.entries(entry.headers))
    headers.append(h('dt', { text: name }), h('dd', { text: value }));
  const violations = entry.violations?.length
    ? h(
        'div',
        { class: 'body' },
        h('h4', { text: 'Contract violations (accepted under --lenient)' }),
        h('ul', {}, ...entry.violations.map((v) => h('li', { text: `${v.pointer || '(root)'}: ${v.message}` }))),
      )
    : null;
  return h(
    'li',
    { 'data-seq': entry.seq ?? '' },
    h(
      'details',
      {},
      summary,
      h(
        'div',
        { class: 'entry' },
        h('h3', { text: `${entry.method} ${target}` }),
        Object.keys(entry.headers).length ? headers : h('p', { class: 'muted', text: 'no headers kept' }),
        bodyBlock('Request body', entry.requestBody, entry.requestBodyLength),
        bodyBlock(`Answer ${status}`, entry.responseBody, entry.responseBodyLength, entry.responseType),
        violations,
      ),
    ),
  );
}

function redraw() {
  const list = byId('journal');
  const shown = entries.filter(matches).reverse();
  list.replaceChildren(...shown.map(render));
  byId('journal-empty').hidden = shown.length > 0;
  byId('journal-count').textContent = `${shown.length} of ${entries.length} requests`;
}

/** Wires the filters; call once. */
export function setUpJournal() {
  byId('filter-operation').addEventListener('change', redraw);
  byId('filter-status').addEventListener('change', redraw);
}

/**
 * Shows these entries (oldest first), replacing what was shown.
 * @param {JournalEntry[]} list
 */
export function showJournal(list) {
  entries = list.slice(-KEPT);
  redraw();
}

/**
 * Adds one new entry at the top (if it passes the filters).
 * @param {JournalEntry} entry
 */
export function addToJournal(entry) {
  if (entries.some((e) => e.seq !== undefined && e.seq === entry.seq)) return;
  entries.push(entry);
  if (entries.length > KEPT) entries.shift();
  const list = byId('journal');
  if (matches(entry)) {
    list.prepend(render(entry));
    if (list.children.length > KEPT) list.lastElementChild?.remove();
  }
  byId('journal-empty').hidden = list.children.length > 0;
  byId('journal-count').textContent = `${list.children.length} of ${entries.length} requests`;
}

/** The number of the last request shown (the stream resumes after it). */
export function lastSeq() {
  return entries.reduce((max, e) => Math.max(max, e.seq ?? 0), 0);
}
