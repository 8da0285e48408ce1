// @ts-check
// The history of one integration (the runs whose Nome de Exibição is the one picked): each run's date,
// verdict, duration, kit version and seed, opened or tested again from there; and two runs compared:
// the checks that started or stopped failing between them.

import { api } from './api.js';
import { byId, fill, h, notifyError } from './dom.js';
import { badge } from './integration-report.js';
import { pageLang, t } from './integration-texts.js';

/**
 * @typedef {{ id: string, state: string, integration: string, createdAt: string, durationMs?: number | null,
 *   kitVersion?: string | null, seed?: number | null, verdict?: string }} RunSummary
 * @typedef {{ runs: RunSummary[], callbackUrl: string }} RunList
 * @typedef {{ operation: string, check: string, was: string, now: string, message: string, consequences: number }} Changed
 */

/** @type {RunSummary[]} */
let runs = [];
/** @type {{ open: (id: string) => void, rerun: (id: string) => void }} */
let actions = { open: () => undefined, rerun: () => undefined };

/**
 * Wires the integration picker and the compare button; `open` shows a run, `rerun` fills the form with it.
 * @param {{ open: (id: string) => void, rerun: (id: string) => void }} handlers
 */
export function setUpHistory(handlers) {
  actions = handlers;
  byId('history-integration').addEventListener('change', () => showRows());
  byId('compare-button').addEventListener('click', () => void compare().catch(notifyError));
}

/**
 * Loads every run; `prefer` is the integration to show when it has runs (the one just tested).
 * @param {string} [prefer]
 * @returns {Promise<RunList>}
 */
export async function loadHistory(prefer) {
  /** @type {RunList} */
  const list = await api('/__admin/verify-runs');
  runs = list.runs;
  const select = /** @type {HTMLSelectElement} */ (byId('history-integration'));
  const names = [...new Set(runs.map((run) => run.integration))].sort();
  const keep = prefer && names.includes(prefer) ? prefer : names.includes(select.value) ? select.value : names[0];
  select.replaceChildren(...names.map((name) => h('option', { value: name, text: name })));
  if (keep !== undefined) select.value = keep;
  showRows();
  return list;
}

/** Shows the runs of the picked integration, newest first. */
export function showRows() {
  const integration = /** @type {HTMLSelectElement} */ (byId('history-integration')).value;
  const mine = runs.filter((run) => run.integration === integration);
  byId('history-picker').hidden = runs.length === 0;
  byId('history-empty').hidden = mine.length > 0;
  byId('history-table').hidden = mine.length === 0;
  byId('history-compare').hidden = mine.filter((run) => run.state === 'done').length < 2;
  fill(byId('history-rows'), ...mine.map(row));
  updateCompare();
}

/** @param {RunSummary} run */
function row(run) {
  const date = new Date(run.createdAt).toLocaleString(pageLang());
  const done = run.state === 'done';
  return h(
    'tr',
    { 'data-run': run.id },
    h(
      'td',
      {},
      h('input', {
        type: 'checkbox',
        class: 'pick',
        value: run.id,
        disabled: !done,
        'aria-label': t('history.pick', { date }),
        onchange: updateCompare,
      }),
    ),
    h('td', { text: date }),
    h('td', {}, badge(done ? (run.verdict ?? 'error') : run.state)),
    h('td', {
      text: run.durationMs === null || run.durationMs === undefined ? '—' : `${(run.durationMs / 1000).toFixed(1)} s`,
    }),
    h('td', { text: run.kitVersion ?? '—' }),
    h('td', { text: run.seed === null || run.seed === undefined ? '—' : String(run.seed) }),
    h(
      'td',
      { class: 'row-actions' },
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => actions.open(run.id) },
        t('history.open'),
        h('span', { class: 'visually-hidden', text: ` ${t('history.openLabel', { date })}` }),
      ),
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => actions.rerun(run.id) },
        t('history.rerun'),
        h('span', { class: 'visually-hidden', text: ` ${t('history.rerunLabel', { date })}` }),
      ),
    ),
  );
}

/** The runs picked for comparison. */
function picked() {
  return /** @type {HTMLInputElement[]} */ ([...document.querySelectorAll('#history-rows input.pick:checked')]).map(
    (box) => box.value,
  );
}

function updateCompare() {
  /** @type {HTMLButtonElement} */ (byId('compare-button')).disabled = picked().length !== 2;
}

/** Compares the two picked runs, the older one first. */
async function compare() {
  const ids = picked();
  if (ids.length !== 2) {
    fill(byId('changes'), h('p', { class: 'muted', text: t('history.pickTwo') }));
    return;
  }
  const [older, newer] = ids
    .map((id) => /** @type {RunSummary} */ (runs.find((run) => run.id === id)))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  /** @type {{ from: { verdict: string, createdAt: string }, to: { verdict: string, createdAt: string }, startedFailing: Changed[], stoppedFailing: Changed[] }} */
  const changes = await api(
    `/__admin/verify-runs/${encodeURIComponent(newer.id)}/changes?since=${encodeURIComponent(older.id)}`,
  );
  const when = (/** @type {string} */ iso) => new Date(iso).toLocaleString(pageLang());
  /** @param {Changed[]} list */
  const items = (list) =>
    list.length === 0
      ? h('p', { class: 'muted', text: t('changes.none') })
      : h(
          'ul',
          { class: 'checks' },
          ...list.map((c) =>
            h(
              'li',
              {},
              badge(c.now),
              ' ',
              h('code', { text: `${c.operation} ${c.check}` }),
              ` (${t('changes.was', { was: c.was, now: c.now })}): `,
              c.message,
              c.consequences > 0
                ? h('span', { class: 'muted', text: ` ${t('changes.consequences', { count: c.consequences })}` })
                : null,
            ),
          ),
        );
  fill(
    byId('changes'),
    h(
      'h3',
      {},
      t('changes.title', { from: when(changes.from.createdAt), to: when(changes.to.createdAt) }),
      ' ',
      badge(changes.from.verdict),
      ' → ',
      badge(changes.to.verdict),
    ),
    h('h4', { text: t('changes.started') }),
    items(changes.startedFailing),
    h('h4', { text: t('changes.stopped') }),
    items(changes.stoppedFailing),
  );
}
