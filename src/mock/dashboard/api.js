// @ts-check
// The public admin API, as the dashboard calls it: JSON in and out (every change declared as JSON, even
// without a body), the admin token (when the server has one) asked once and kept for the tab in sessionStorage.

const TOKEN_KEY = 'merchant-kit.admin-token';

/** @type {(failed: boolean) => Promise<string>} */
let askToken = () => Promise.reject(new Error('no token prompt'));
/** @type {Promise<string> | undefined} */
let asking;

/** An admin API answer that is not 2xx: its problem's detail and status. */
export class ApiError extends Error {
  /**
   * @param {string} message
   * @param {number} status
   */
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/**
 * Sets how the token is asked for; `failed` says the last one was refused.
 * @param {(failed: boolean) => Promise<string>} prompt
 */
export function onTokenNeeded(prompt) {
  askToken = prompt;
}

/**
 * The headers every admin call carries: the token, when one was given.
 * @returns {Record<string, string>}
 */
export function authHeaders() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * Asks for the token after a 401 (one prompt however many calls were refused at once) and keeps it for
 * the tab; the prompt says the token was refused when one had been given.
 */
export async function renewToken() {
  const hadOne = sessionStorage.getItem(TOKEN_KEY) !== null;
  sessionStorage.removeItem(TOKEN_KEY);
  asking ??= askToken(hadOne).finally(() => (asking = undefined));
  sessionStorage.setItem(TOKEN_KEY, await asking);
}

/**
 * Where a store's admin resources live: /__admin for the default one, /__admin/sandboxes/NAME for a sandbox.
 * @param {string} sandbox
 */
export function storeBase(sandbox) {
  return sandbox === 'default' ? '/__admin' : `/__admin/sandboxes/${encodeURIComponent(sandbox)}`;
}

/**
 * Calls the admin API; a 401 asks for the token and tries again.
 * @param {string} path
 * @param {{ method?: string, body?: unknown }} [options]
 * @returns {Promise<any>}
 */
export async function api(path, options = {}) {
  for (;;) {
    /** @type {Record<string, string>} */
    const headers = { accept: 'application/json', ...authHeaders() };
    const method = options.method ?? 'GET';
    // Every call that changes something says JSON, body or not: the mock refuses one that does not, since
    // a page of another site can only send it after a CORS preflight, which the mock never grants.
    if (method !== 'GET') headers['content-type'] = 'application/json';
    const res = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (res.status === 401) {
      await renewToken();
      continue;
    }
    const text = await res.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!res.ok) throw new ApiError(String(data?.detail ?? `${res.status} ${res.statusText}`), res.status);
    return data;
  }
}
