/** Query parameter names whose values are secrets (`?token=`, `api_key=`, ...). */
export const SECRET_QUERY_NAME = /token|secret|key|pass|signature|auth|sig/i;

// name=value pairs of a query string or a fragment (`#access_token=...`), found in the text itself.
const PARAMETER = /([?&#;])([^=&#?;\s]*)=([^&#;\s]*)/g;

/**
 * Masks token-like query and fragment values (`?token=...`, `#access_token=...`) and any
 * user:password in a URL for display. A URL that does not parse is masked as text, and more broadly
 * (everything between `://` and the last `@`), since its parts cannot be told apart reliably.
 */
export function maskUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return maskParametersText(maskUserInfoText(raw));
  }
  if (url.username || url.password) {
    url.username = url.username ? '***' : '';
    url.password = url.password ? '***' : '';
  }
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_QUERY_NAME.test(name)) url.searchParams.set(name, '***');
  }
  if (url.hash) url.hash = maskParametersText(url.hash);
  // URLSearchParams encodes '*' as %2A; keep the mask readable.
  return url.toString().replace(/%2A%2A%2A/g, '***');
}

/** The secrets written into a URL: values of token-like query (and fragment) names, and the password. */
export function urlSecrets(raw: string): { values: string[]; user?: string; password?: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return urlSecretsText(raw);
  }
  const values = [...url.searchParams].filter(([name]) => SECRET_QUERY_NAME.test(name)).map(([, value]) => value);
  values.push(...parameterSecrets(url.hash));
  return url.password ? { values, user: safeDecode(url.username), password: safeDecode(url.password) } : { values };
}

function urlSecretsText(raw: string): { values: string[]; user?: string; password?: string } {
  const values = parameterSecrets(raw);
  const userInfo = userInfoText(raw);
  const colon = userInfo?.indexOf(':') ?? -1;
  if (userInfo === undefined || colon < 0) return { values };
  return {
    values,
    user: safeDecode(userInfo.slice(0, colon)),
    password: safeDecode(userInfo.slice(colon + 1)),
  };
}

function parameterSecrets(text: string): string[] {
  return [...text.matchAll(PARAMETER)]
    .filter(([, , name]) => SECRET_QUERY_NAME.test(name))
    .map(([, , , value]) => safeDecode(value));
}

function maskParametersText(text: string): string {
  return text.replace(PARAMETER, (whole, separator: string, name: string) =>
    SECRET_QUERY_NAME.test(name) ? `${separator}${name}=***` : whole,
  );
}

/** What stands between `://` and the last `@` of a text, or undefined when there is no `@` after `://`. */
function userInfoText(raw: string): string | undefined {
  const start = raw.indexOf('://');
  const at = raw.lastIndexOf('@');
  return start >= 0 && at > start ? raw.slice(start + 3, at) : undefined;
}

function maskUserInfoText(raw: string): string {
  const userInfo = userInfoText(raw);
  if (userInfo === undefined) return raw;
  const start = raw.indexOf('://') + 3;
  return `${raw.slice(0, start)}***${raw.slice(start + userInfo.length)}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
