// @ts-check
// A run of verify on the page: each operation's line as it finishes, then the report itself (the
// verdict, what to fix with its curl line, every check) and its downloads. The report's own texts are
// in the language the run was made in; the page's words around them follow the page.

import { authHeaders, renewToken } from './api.js';
import { byId, fill, h, notifyError } from './dom.js';
import { pageLang, t } from './integration-texts.js';

/**
 * @typedef {{ passed: number, failed: number, warnings: number, errors: number, skipped: number }} Counts
 * @typedef {{ operation: string, status: string, counts: Counts }} ProgressLine
 * @typedef {{ id: string, status: string, message: string, received?: string, expected?: string,
 *   pointer?: string, curl?: string, fix?: string }} Check
 * @typedef {{ operation: string, check: string, status: string, message: string, fix?: string,
 *   consequences: { operation: string, checks: string[] }[] }} FixItem
 * @typedef {{ verdict: string, summary: Counts, whatToFix: FixItem[],
 *   operations: { operation: string, url: string, status: string, checks: Check[] }[] }} Report
 * @typedef {{ id: string, state: string, integration: string, createdAt: string, durationMs?: number | null,
 *   kitVersion?: string | null, seed?: number | null, verdict?: string, problem?: string,
 *   progress: ProgressLine[], report: Report | null, config: Record<string, any> }} RunView
 */

/**
 * A status as a badge: the id itself (statuses never change with the language), coloured.
 * @param {string} status
 */
export function badge(status) {
  return h('span', { class: `badge ${status}`, text: status });
}

/**
 * Shows a run's operation lines, in the order they finished.
 * @param {ProgressLine[]} lines
 */
export function showProgress(lines) {
  fill(
    byId('progress'),
    ...lines.map((line) =>
      h(
        'li',
        { 'data-operation': line.operation },
        h('code', { text: line.operation }),
        ' ',
        badge(line.status),
        ' ',
        h('span', { class: 'muted', text: t('run.line', { ...line.counts }) }),
      ),
    ),
  );
}

/**
 * Shows a finished run: verdict, summary, what to fix, downloads, every check.
 * @param {RunView} view
 */
export function showReport(view) {
  const report = view.report;
  const target = byId('report');
  if (!report) {
    fill(
      target,
      h('p', { class: 'error', text: t('report.noReport', { problem: view.problem ?? view.verdict ?? '' }) }),
    );
    return;
  }
  const date = new Date(view.createdAt).toLocaleString(pageLang());
  const seconds = ((view.durationMs ?? 0) / 1000).toFixed(1);
  fill(
    target,
    h(
      'p',
      { class: `verdict ${report.verdict}` },
      h('strong', { text: t(/** @type {any} */ (`report.verdict.${report.verdict}`)) }),
      ' ',
      h('span', { text: t('report.summary', { ...report.summary }) }),
    ),
    h('p', {
      class: 'muted meta',
      text: t('report.meta', { id: view.id, date, seconds, kit: view.kitVersion ?? '', seed: view.seed ?? '—' }),
    }),
    downloads(view.id),
    h('h3', { text: t('report.whatToFix') }),
    report.whatToFix.length === 0
      ? h('p', { text: t('report.nothingToFix') })
      : h('ol', { class: 'fixes' }, ...report.whatToFix.map((item) => fixItem(report, item))),
    h('h3', { text: t('report.operations') }),
    ...report.operations.map((op) =>
      h(
        'details',
        { class: 'operation' },
        h('summary', {}, h('code', { text: op.operation }), ' ', badge(op.status)),
        h('p', { class: 'url', text: op.url }),
        h(
          'ul',
          { class: 'checks' },
          ...op.checks.map((c) => h('li', {}, badge(c.status), ' ', h('code', { text: c.id }), ' ', c.message)),
        ),
      ),
    ),
  );
}

/**
 * One cause to fix: the finding, how to fix it, what came back, the curl line, what it kept from running.
 * @param {Report} report
 * @param {FixItem} item
 */
function fixItem(report, item) {
  const check = report.operations
    .find((op) => op.operation === item.operation)
    ?.checks.find((c) => c.id === item.check);
  const count = item.consequences.reduce((sum, c) => sum + c.checks.length, 0);
  /** @type {[string, string | undefined][]} */
  const facts = [
    [t('report.received'), check?.received],
    [t('report.expected'), check?.expected],
    [t('report.where'), check?.pointer],
  ];
  const shown = facts.filter(([, value]) => value !== undefined && value !== '');
  return h(
    'li',
    {},
    h('p', {}, badge(item.status), ' ', h('code', { text: `${item.operation} ${item.check}` }), ': ', item.message),
    item.fix ? h('p', { class: 'how' }, h('strong', { text: t('report.fix') }), ' ', item.fix) : null,
    shown.length > 0
      ? h(
          'dl',
          { class: 'facts' },
          ...shown.flatMap(([name, value]) => [h('dt', { text: name }), h('dd', { text: value })]),
        )
      : null,
    check?.curl
      ? h(
          'div',
          {},
          h('p', { class: 'muted', text: t('report.curl') }),
          h('pre', { tabindex: '0' }, h('code', { text: check.curl })),
        )
      : null,
    count > 0 ? h('p', { class: 'muted', text: t('report.then', { count }) }) : null,
  );
}

/**
 * The three downloads of a report, fetched with the admin token (a plain link would not carry it).
 * @param {string} id
 */
function downloads(id) {
  const files = [
    ['JSON', 'report.json'],
    ['JUnit', 'report.xml'],
    ['HTML', 'report.html'],
  ];
  return h(
    'p',
    { class: 'downloads' },
    h('span', { class: 'muted', text: `${t('report.downloads')}:` }),
    ...files.map(([label, file]) =>
      h('button', {
        type: 'button',
        class: 'secondary',
        text: label,
        onclick: () => download(id, file).catch(notifyError),
      }),
    ),
  );
}

/**
 * Saves one of a run's reports as a file.
 * @param {string} id
 * @param {string} file
 */
async function download(id, file) {
  for (;;) {
    const res = await fetch(`/__admin/verify-runs/${encodeURIComponent(id)}/${file}`, { headers: authHeaders() });
    if (res.status === 401) {
      await renewToken();
      continue;
    }
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    const link = h('a', {
      href: URL.createObjectURL(await res.blob()),
      download: `merchant-kit-${id}.${file.split('.')[1]}`,
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(/** @type {HTMLAnchorElement} */ (link).href), 10_000);
    return;
  }
}
