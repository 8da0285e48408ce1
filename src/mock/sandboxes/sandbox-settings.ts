import { MAX_CUSTOM_HEADERS, maskSecret, parseHeaderFlag, type HeaderPair } from '../../common/headers';
import { maskUrl } from '../../common/secrets';
import { said } from '../i18n';
import { HttpProblem, type DetailText } from '../errors/problems';
import type { SandboxSettings } from '../store/sandbox-config';

/** The settings as the admin API shows them: secrets masked, never their values or lengths. */
export function settingsView(settings: SandboxSettings): Record<string, unknown> {
  return {
    checkout: settings.checkout,
    headers: settings.headers.map(({ key, value }) => ({ key, value: maskSecret(value) })),
    omnichatApi: settings.omnichatApi === undefined ? null : maskUrl(settings.omnichatApi),
    omnichatToken: settings.omnichatToken === undefined ? null : '***',
    allowFreightChange: settings.allowFreightChange,
  };
}

const KEYS = ['checkout', 'headers', 'omnichatApi', 'omnichatToken', 'allowFreightChange'];

/**
 * Applies the settings of an admin request body over `base` (a key left out keeps its value, null
 * clears an optional one). A bad value is a 400 naming the key and the fix, its value never echoed.
 */
export function applySettings(
  body: Record<string, unknown>,
  base: SandboxSettings,
  ignore: string[] = [],
): SandboxSettings {
  const next: SandboxSettings = { ...base, headers: [...base.headers] };
  for (const key of Object.keys(body)) {
    if (ignore.includes(key)) continue;
    if (!KEYS.includes(key))
      throw bad(said('admin.unknownSetting', { key: JSON.stringify(key.slice(0, 40)), keys: KEYS.join(', ') }));
  }
  if (body.checkout !== undefined) {
    if (body.checkout !== 'omni' && body.checkout !== 'own') throw bad(said('admin.checkout'));
    next.checkout = body.checkout;
  }
  if (body.allowFreightChange !== undefined) {
    if (typeof body.allowFreightChange !== 'boolean') throw bad(said('admin.allowFreightChange'));
    next.allowFreightChange = body.allowFreightChange;
  }
  if (body.headers !== undefined) next.headers = headersOf(body.headers);
  if (body.omnichatApi !== undefined) {
    if (body.omnichatApi === null) next.omnichatApi = undefined;
    else if (typeof body.omnichatApi !== 'string' || !/^https?:\/\/[^\s/]+/.test(body.omnichatApi))
      throw bad(said('admin.omnichatApi'));
    else next.omnichatApi = body.omnichatApi;
  }
  if (body.omnichatToken !== undefined) {
    if (body.omnichatToken === null) next.omnichatToken = undefined;
    else if (typeof body.omnichatToken !== 'string' || body.omnichatToken === '' || /[\r\n\0]/.test(body.omnichatToken))
      throw bad(said('admin.omnichatToken'));
    else next.omnichatToken = body.omnichatToken;
  }
  return next;
}

function headersOf(value: unknown): HeaderPair[] {
  if (!Array.isArray(value)) throw bad(said('admin.headersList'));
  if (value.length > MAX_CUSTOM_HEADERS)
    throw bad(said('admin.headersCount', { count: value.length, max: MAX_CUSTOM_HEADERS }));
  return value.map((entry, index) => {
    const pair = entry as Record<string, unknown>;
    if (typeof entry !== 'object' || entry === null || typeof pair.key !== 'string' || typeof pair.value !== 'string')
      throw bad(said('admin.headerShape', { index }));
    const parsed = parseHeaderFlag(`${pair.key}: ${pair.value}`);
    // The value is never echoed: the message names the header and the rule only.
    if ('error' in parsed || parsed.key !== pair.key.trim())
      throw bad(said('admin.headerInvalid', { index, name: pair.key.slice(0, 40) }));
    return parsed;
  });
}

function bad(detail: DetailText): HttpProblem {
  return new HttpProblem('bad-admin-request', detail);
}
