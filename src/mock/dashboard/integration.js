// @ts-check
// "Testar integração": OmniChat's settings screen for a custom integration as a form; the test runs
// verify on the server (POST /__admin/verify-runs), its progress comes over the live stream, then the
// report; the history keeps every test of the integration. It uses only the public admin API.

import { api, ApiError } from './api.js';
import { byId, notify, notifyError } from './dom.js';
import {
  clearInvalid,
  exportConfig,
  fillForm,
  noDestructive,
  readConfig,
  relabelForm,
  setUpForm,
  showInvalid,
} from './integration-form.js';
import { loadHistory, setUpHistory, showRows } from './integration-history.js';
import { showProgress, showReport } from './integration-report.js';
import { pageLang, setPageLang, t } from './integration-texts.js';
import { watch } from './stream.js';
import { setUpTokenPrompt } from './token-prompt.js';

/** @typedef {import('./integration-report.js').RunView} RunView */
/** @typedef {import('./integration-report.js').ProgressLine} ProgressLine */

const LANG_KEY = 'merchant-kit.page-lang';

/** The run this page shows (started here, or opened from the history), and its lines so far. */
/** @type {{ id: string, integration: string, lines: ProgressLine[] }} */
let shown = { id: '', integration: '', lines: [] };

/**
 * Shows a run's state line: waiting, running, or nothing once its report is shown.
 * @param {string} state
 */
function showState(state) {
  const line = byId('run-state');
  line.removeAttribute('data-t');
  line.textContent =
    state === 'queued'
      ? t('run.queued', { integration: shown.integration })
      : state === 'running'
        ? t('run.running', { integration: shown.integration })
        : '';
}

/**
 * Shows a run whole: its lines, and its report once done.
 * @param {string} id
 */
async function openRun(id) {
  /** @type {RunView} */
  const view = await api(`/__admin/verify-runs/${encodeURIComponent(id)}`);
  shown = { id, integration: view.integration, lines: view.progress };
  showProgress(view.progress);
  showState(view.state);
  if (view.state === 'done') showReport(view);
  else byId('report').replaceChildren();
}

/**
 * Fills the form with a run of the history: everything but the header values, asked for again.
 * @param {string} id
 */
async function rerun(id) {
  /** @type {RunView} */
  const view = await api(`/__admin/verify-runs/${encodeURIComponent(id)}`);
  fillForm(view.config, { values: false });
  clearInvalid();
  notify(t('form.reenter'));
  document.getElementById('header-value-1')?.focus();
}

/** Starts a test of what the form says; a refused config is shown at the button, its field marked. */
async function runTest() {
  clearInvalid();
  const config = readConfig();
  try {
    /** @type {{ id: string }} */
    const { id } = await api('/__admin/verify-runs', {
      method: 'POST',
      body: { config, noDestructive: noDestructive(), lang: pageLang() },
    });
    shown = { id, integration: config.displayName ?? 'merchant', lines: [] };
    showProgress([]);
    byId('report').replaceChildren();
    notify(t('run.started', { id }));
    // Events may have come before the answer did: the run's view says where it is.
    await openRun(id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) showInvalid(error.message);
    else notifyError(error);
  }
}

/**
 * A run's event from the live stream: the one shown gets its lines and report; every finished run
 * refreshes the history.
 * @param {{ id: string, state: string, integration: string, operation?: ProgressLine }} event
 */
function onRunEvent(event) {
  if (event.id === shown.id) {
    if (event.operation && !shown.lines.some((line) => line.operation === event.operation?.operation)) {
      shown.lines.push(event.operation);
      showProgress(shown.lines);
    }
    if (event.state === 'done') void openRun(event.id).catch(notifyError);
    else showState(event.state);
  }
  if (event.state === 'done')
    void loadHistory(event.id === shown.id ? shown.integration : undefined).catch(notifyError);
}

/** @param {'live' | 'reconnecting'} state */
function showLive(state) {
  const live = byId('live');
  live.dataset.state = state;
  live.textContent = t(state === 'live' ? 'live.live' : 'live.reconnecting');
}

/** @param {'pt-BR' | 'en'} lang */
function switchLang(lang) {
  setPageLang(lang);
  sessionStorage.setItem(LANG_KEY, lang);
  const button = byId('lang-switch');
  button.textContent = t('page.switch');
  button.setAttribute('lang', lang === 'en' ? 'pt-BR' : 'en');
  button.setAttribute('aria-label', t('page.switchLabel'));
  relabelForm();
  showRows();
  showProgress(shown.lines);
  if (shown.id) void openRun(shown.id).catch(notifyError);
}

/** Saves text as a file. */
function save(/** @type {string} */ name, /** @type {string} */ text) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function setUpImportExport() {
  byId('import-button').addEventListener('click', () => {
    const text = /** @type {HTMLTextAreaElement} */ (byId('import-text')).value;
    try {
      const config = JSON.parse(text);
      if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new Error('{…}');
      fillForm(config, { values: true });
      clearInvalid();
      notify(t('io.filled'));
    } catch (error) {
      notify(t('io.notJson', { reason: String(/** @type {Error} */ (error).message) }), 'error');
    }
  });
  byId('export-button').addEventListener('click', () =>
    save('merchant.json', exportConfig(/** @type {HTMLInputElement} */ (byId('export-values')).checked)),
  );
}

setUpTokenPrompt({ why: () => t('token.why'), refused: () => t('token.refused') });
setUpForm();
setUpHistory({ open: (id) => void openRun(id).catch(notifyError), rerun: (id) => void rerun(id).catch(notifyError) });
setUpImportExport();
byId('integration-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void runTest();
});
byId('lang-switch').addEventListener('click', () => switchLang(pageLang() === 'en' ? 'pt-BR' : 'en'));
switchLang(sessionStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'pt-BR');
loadHistory()
  .then((list) => {
    /** @type {HTMLInputElement} */ (byId('callback-url')).value = list.callbackUrl;
    watch('/__admin', undefined, {
      onEvent: (event, data) => {
        if (event === 'verify') onRunEvent(data);
      },
      onState: showLive,
    });
  })
  .catch(notifyError);
