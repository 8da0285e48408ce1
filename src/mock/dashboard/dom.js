// @ts-check
// DOM helpers. Everything the page shows from requests is untrusted: it only ever reaches the page as
// text (textContent, attribute values), never as markup.

/**
 * Creates an element. `props`: `text` sets its text, `on…` functions become listeners, `false`/`null`/
 * `undefined` values are skipped, anything else is set as an attribute. Children are nodes or text.
 * @param {string} tag
 * @param {Record<string, unknown>} [props]
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') el.textContent = String(value);
    else if (name.startsWith('on') && typeof value === 'function')
      el.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/**
 * Replaces an element's children, skipping the empty ones (as h does).
 * @param {Element} el
 * @param {...(Node | string | null | undefined | false)} children
 */
export function fill(el, ...children) {
  el.replaceChildren(...children.filter((c) => c !== null && c !== undefined && c !== false));
}

/**
 * The element with this id (the page is static: a missing one is a bug).
 * @template {HTMLElement} T
 * @param {string} id
 * @returns {T}
 */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id} on the page`);
  return /** @type {T} */ (el);
}

/**
 * JSON text indented for reading; anything that is not JSON (a truncated preview, HTML) as it is.
 * @param {string} text
 * @returns {string}
 */
export function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * A time of day from an ISO timestamp, in the reader's time zone.
 * @param {string} iso
 * @returns {string}
 */
export function timeOf(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString([], { hour12: false });
}

/**
 * Shows a message in the page's status line (errors of an action the reader took).
 * @param {string} text
 * @param {'info' | 'error'} [kind]
 */
export function notify(text, kind = 'info') {
  const line = byId('notice');
  line.textContent = text;
  line.dataset.kind = kind;
}

/**
 * Says in the status line why an action failed: the admin API's problem detail (ApiError) or the error's message.
 * @param {unknown} error
 */
export function notifyError(error) {
  notify(String(/** @type {Error} */ (error).message), 'error');
}
