/** One configured header, as on OmniChat's settings screen (key and value). */
export interface HeaderPair {
  key: string;
  value: string;
}

/** OmniChat lets a merchant configure at most five custom headers. */
export const MAX_CUSTOM_HEADERS = 5;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Why a "Name: value" flag was refused: the English message, and its kind and subject for other languages. */
export interface HeaderFlagError {
  error: string;
  kind: 'form' | 'name' | 'empty' | 'control';
  /** What the message shows of the flag (quoted and masked for form and name, the header name otherwise). */
  subject: string;
}

/**
 * Parses a "Name: value" flag (curl's form). Returns an error message naming the problem instead of
 * throwing, so each CLI command can print it against its own flag name.
 */
export function parseHeaderFlag(raw: string): HeaderPair | HeaderFlagError {
  const colon = raw.indexOf(':');
  if (colon <= 0) {
    const subject = JSON.stringify(maskHeaderText(raw));
    return { error: `expected "Name: value", got ${subject}`, kind: 'form', subject };
  }
  const key = raw.slice(0, colon).trim();
  const value = raw.slice(colon + 1).trim();
  if (!HEADER_NAME.test(key)) {
    // "Authorization Basic user:pass" has its colon inside the secret: only the first word is shown.
    const subject = JSON.stringify(/\s/.test(key) ? `${key.split(/\s/)[0]} ***` : key);
    return { error: `${subject} is not a valid header name: write "Name: value"`, kind: 'name', subject };
  }
  if (value === '') return { error: `header ${key} has an empty value`, kind: 'empty', subject: key };
  if (/[\r\n\0]/.test(value))
    return { error: `header ${key} has a line break or NUL in its value`, kind: 'control', subject: key };
  return { key, value };
}

/** Masks what follows the first colon of a raw "Name: value" text, so a typo never echoes a secret. */
function maskHeaderText(raw: string): string {
  const colon = raw.indexOf(':');
  return colon < 0 ? maskSecret(raw) : `${raw.slice(0, colon)}: ${maskSecret(raw.slice(colon + 1).trim())}`;
}

/**
 * Masks a secret for display: a scheme word such as "Bearer" stays, the rest becomes "***".
 * Nothing of the secret itself (not even its length) is kept.
 */
export function maskSecret(value: string): string {
  const scheme = /^(Bearer|Basic|Token|ApiKey)\s+/i.exec(value);
  return scheme ? `${scheme[1]} ***` : '***';
}
