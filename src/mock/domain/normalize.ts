/** Lower-cases and strips accents, so "Memória" and "MEMORIA" are the same text. */
export function foldText(text: string): string {
  // Plain ASCII needs no normalising: skipping it halves indexing time on a large catalog.
  // eslint-disable-next-line no-control-regex -- the ASCII range, NUL included
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  // NFD splits "ó" into "o" + a combining mark; the marks (U+0300-U+036F) are then dropped.
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Splits folded text into search tokens (letters and digits). */
export function tokenize(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

/** A product page URL reduced to what identifies it: no scheme, www., query, fragment or trailing slash. */
export function normalizeUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}
