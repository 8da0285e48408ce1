// @ts-check
// The settings screen of OmniChat's custom integration as a form: read into a merchant config (what
// `verify --config` reads), filled from one (a pasted merchant.json, or a test of the history), and
// exported as one. Header values are secrets: they are only ever what was typed (or pasted) on this page.

import { byId, h } from './dom.js';
import { t } from './integration-texts.js';

/** The five operations, in the order of OmniChat's settings screen. */
export const OPERATIONS = [
  'productSearch',
  'orderValidation',
  'orderCreation',
  'orderCancellation',
  'statusNotification',
];
/** OmniChat sends at most five custom headers. */
const MAX_HEADERS = 5;

/**
 * @typedef {{ key: string, value: string }} Header
 * @typedef {{ displayName?: string, platformName?: string, checkout?: string, teams?: string[],
 *   allowFreightChange?: boolean, urls?: Record<string, string>, headers?: Header[],
 *   testData?: { searchQuery?: string } }} MerchantConfig
 */

/** @param {string} id */
const input = (id) => /** @type {HTMLInputElement} */ (byId(id));

/** Builds the URL fields and the first header row, and wires adding and removing headers. */
export function setUpForm() {
  byId('url-fields').replaceChildren(
    ...OPERATIONS.flatMap((operation) => [
      h('label', {
        for: `url-${operation}`,
        'data-t': `url.${operation}`,
        text: t(/** @type {any} */ (`url.${operation}`)),
      }),
      h('input', { id: `url-${operation}`, type: 'url', inputmode: 'url', autocomplete: 'off', spellcheck: 'false' }),
    ]),
  );
  byId('header-add').addEventListener('click', () => {
    setHeaders([...readHeaders(true), { key: '', value: '' }]);
    input(`header-key-${readHeaders(true).length}`).focus();
  });
  setHeaders([{ key: '', value: '' }]);
}

/**
 * The header rows as typed; `all` keeps the empty ones (the rows themselves), otherwise only filled ones.
 * @param {boolean} [all]
 * @returns {Header[]}
 */
function readHeaders(all = false) {
  const rows = [...byId('header-rows').querySelectorAll('.header-row')];
  const headers = rows.map((_row, i) => ({
    key: input(`header-key-${i + 1}`).value.trim(),
    value: input(`header-value-${i + 1}`).value,
  }));
  return all ? headers : headers.filter((header) => header.key !== '' || header.value !== '');
}

/**
 * Rebuilds the header rows (at least one, at most five); `hints` are shown in empty value fields
 * (the masked value of a test from the history, "Bearer ***").
 * @param {Header[]} headers
 * @param {string[]} [hints]
 */
function setHeaders(headers, hints = []) {
  const list = headers.length === 0 ? [{ key: '', value: '' }] : headers.slice(0, MAX_HEADERS);
  byId('header-rows').replaceChildren(
    ...list.map((header, i) => {
      const n = i + 1;
      return h(
        'div',
        { class: 'header-row' },
        h(
          'span',
          { class: 'pair' },
          h('label', { for: `header-key-${n}`, text: t('form.headerKey', { n }) }),
          h('input', { id: `header-key-${n}`, autocomplete: 'off', spellcheck: 'false', value: header.key }),
        ),
        h(
          'span',
          { class: 'pair' },
          h('label', { for: `header-value-${n}`, text: t('form.headerValue', { n }) }),
          h('input', {
            id: `header-value-${n}`,
            type: 'password',
            autocomplete: 'off',
            placeholder: hints[i] || null,
          }),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'secondary remove',
            onclick: () => setHeaders(readHeaders(true).filter((_h, j) => j !== i)),
          },
          h('span', { 'aria-hidden': 'true', text: '×' }),
          h('span', {
            class: 'visually-hidden',
            text: `${t('form.headerRemove')} ${t('form.headerRemoveWhich', { n })}`,
          }),
        ),
      );
    }),
  );
  // Values are set as properties, never as attributes: a secret does not belong in the markup.
  list.forEach((header, i) => (input(`header-value-${i + 1}`).value = header.value));
  /** @type {HTMLButtonElement} */ (byId('header-add')).disabled = list.length >= MAX_HEADERS;
}

/** Writes the header rows' labels again in the page's language. */
export function relabelForm() {
  const headers = readHeaders(true);
  const hints = headers.map((_h, i) => input(`header-value-${i + 1}`).placeholder);
  setHeaders(headers, hints);
}

/**
 * The merchant config the form says (the same keys as a merchant.json).
 * @returns {MerchantConfig}
 */
export function readConfig() {
  /** @type {MerchantConfig} */
  const config = {};
  const text = (/** @type {string} */ id) => input(id).value.trim();
  if (text('displayName')) config.displayName = text('displayName');
  if (text('platformName')) config.platformName = text('platformName');
  config.checkout = input('checkout-own').checked ? 'own' : 'omni';
  const teams = text('teams')
    .split(',')
    .map((team) => team.trim())
    .filter(Boolean);
  if (teams.length > 0) config.teams = teams;
  config.allowFreightChange = input('allowFreightChange').checked;
  config.urls = Object.fromEntries(OPERATIONS.map((operation) => [operation, text(`url-${operation}`)]));
  const headers = readHeaders();
  if (headers.length > 0) config.headers = headers;
  if (text('searchQuery')) config.testData = { searchQuery: text('searchQuery') };
  return config;
}

/** True when the test should leave orders alone (search and validation only). */
export function noDestructive() {
  return input('noDestructive').checked;
}

/**
 * Fills the form from a merchant config. With `values`, header values come from the config (a pasted
 * merchant.json); without, they are left empty with the masked value as a hint (a test of the history).
 * @param {MerchantConfig} config
 * @param {{ values: boolean }} options
 */
export function fillForm(config, options) {
  input('displayName').value = String(config.displayName ?? '');
  input('platformName').value = String(config.platformName ?? '');
  input(config.checkout === 'own' ? 'checkout-own' : 'checkout-omni').checked = true;
  input('teams').value = Array.isArray(config.teams) ? config.teams.join(', ') : '';
  input('allowFreightChange').checked = config.allowFreightChange === true;
  for (const operation of OPERATIONS) input(`url-${operation}`).value = String(config.urls?.[operation] ?? '');
  const headers = Array.isArray(config.headers) ? config.headers : [];
  setHeaders(
    headers.map((header) => ({
      key: String(header.key ?? ''),
      value: options.values ? String(header.value ?? '') : '',
    })),
    options.values ? [] : headers.map((header) => String(header.value ?? '')),
  );
  input('searchQuery').value = String(config.testData?.searchQuery ?? '');
}

/**
 * The form as a merchant.json: header values as typed when `withValues`, otherwise `${NAME}`
 * placeholders (verify --config reads them from the environment), so a file shared by mistake holds no secret.
 * @param {boolean} withValues
 * @returns {string}
 */
export function exportConfig(withValues) {
  const config = readConfig();
  if (config.headers && !withValues)
    config.headers = config.headers.map((header, i) => ({
      key: header.key,
      value: `\${${variableFor(header.key, i)}}`,
    }));
  return `${JSON.stringify(config, null, 2)}\n`;
}

/**
 * An environment variable name for a header: "X-Api-Key" -> X_API_KEY.
 * @param {string} key
 * @param {number} index
 */
function variableFor(key, index) {
  const name = key
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[A-Z_]/.test(name) ? name : `HEADER_${index + 1}${name ? `_${name}` : ''}`;
}

/** Clears the marks a refused config left. */
export function clearInvalid() {
  for (const el of document.querySelectorAll('#integration-form [aria-invalid]')) el.removeAttribute('aria-invalid');
  byId('form-error').textContent = '';
}

/**
 * Shows why the server refused the config, and marks the field it names ("urls.productSearch",
 * "headers[0].value", "displayName"...), moving the focus there.
 * @param {string} detail
 */
export function showInvalid(detail) {
  byId('form-error').textContent = detail;
  const key = /"(urls\.\w+|headers\[\d\]\.(?:key|value)|displayName|platformName|teams|testData\.searchQuery)/.exec(
    detail,
  )?.[1];
  const url = key && /^urls\.(\w+)$/.exec(key);
  const header = key && /^headers\[(\d)\]\.(key|value)$/.exec(key);
  const id = url
    ? `url-${url[1]}`
    : header
      ? `header-${header[2]}-${Number(header[1]) + 1}`
      : key === 'testData.searchQuery'
        ? 'searchQuery'
        : key;
  const field = id ? document.getElementById(id) : null;
  if (!field) return;
  field.setAttribute('aria-invalid', 'true');
  const described = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== 'form-error');
  field.setAttribute('aria-describedby', [...described, 'form-error'].join(' '));
  field.focus();
}
