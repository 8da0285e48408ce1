import { translatorFor, type T } from './i18n';

/**
 * Everything a merchant sends is untrusted: before a terminal, a page or a CI log sees it, control
 * characters are escaped and every value and list is bounded. This is the one place that does it;
 * the runner passes every report through tameDeep, so no reporter has to remember to.
 */

const ENGLISH = translatorFor('en');

/** The longest value a report keeps (messages, received, expected, details lines), in characters. */
const MAX_VALUE_CHARS = 1000;
/** curl lines repeat our own request (a test order's body included); longer, but still bounded. */
const MAX_CURL_CHARS = 16_000;
/** The most entries a check's `details` keeps; `moreDetails` counts the rest (the message states the total). */
const MAX_LIST_ITEMS = 20;
/** Any other list of texts in a report (notes, data other reporters add) is bounded more loosely. */
const MAX_OTHER_LIST_ITEMS = 100;

/**
 * C0 and C1 controls and DEL (screen clearing, bells, carriage returns that draw fake lines, NUL),
 * bidi controls that reorder what is shown, line and paragraph separators, and lone surrogates.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const escapeChar = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The text with every unsafe character shown as `\u001b` (never emitted), cut to about `max`
 * characters with "… and N more characters". Idempotent: taming a tamed text changes nothing.
 */
export function tameText(text: string, max = MAX_VALUE_CHARS, t: T = ENGLISH): string {
  const whole = escapeUpTo(text, max);
  if (whole.consumed === text.length) return whole.out;
  // The cut leaves room for its own note, so that a second pass finds nothing to cut.
  const cut = escapeUpTo(text, Math.max(1, max - 40));
  return `${cut.out}${t('tame.moreCharacters', { count: text.length - cut.consumed })}`;
}

/** Escapes the text from its start until the output would pass `limit` characters. */
function escapeUpTo(text: string, limit: number): { out: string; consumed: number } {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    // A surrogate pair is one character (an emoji, say): kept whole, never cut in two.
    const width = isHigh(code) && isLow(text.charCodeAt(index + 1)) ? 2 : 1;
    const raw = text.slice(index, index + width);
    const piece = width === 1 && (isHigh(code) || isLow(code) || UNSAFE.test(raw)) ? escapeChar(raw) : raw;
    if (out.length + piece.length > limit) break;
    out += piece;
    index += width;
  }
  return { out, consumed: index };
}

/** At most `max` entries: the first ones, then "and N more" in place of the rest (idempotent, like tameText). */
function boundList(list: string[], max: number, t: T): string[] {
  if (list.length <= max) return list;
  return [...list.slice(0, max - 1), t('tame.moreItems', { count: list.length - max + 1 })];
}

type Json = Record<string, unknown>;

/**
 * A check's `details` cut to its first entries, the number left out added to `moreDetails`, so
 * that every reporter can say "and N more" in its own words and the counts agree.
 */
function boundDetails(record: Json): Json {
  const details = record.details;
  if (!Array.isArray(details) || details.length <= MAX_LIST_ITEMS) return record;
  const before = typeof record.moreDetails === 'number' ? record.moreDetails : 0;
  return {
    ...record,
    details: details.slice(0, MAX_LIST_ITEMS),
    moreDetails: before + details.length - MAX_LIST_ITEMS,
  };
}

/**
 * A copy of a JSON-like value (a report, an operation) with every string tamed and every list
 * bounded (a check's details as `moreDetails`, other lists of strings with "and N more" in the
 * report's language); curl lines get their own, longer bound. Object keys are the kit's own and stay.
 */
export function tameDeep<V>(value: V, t: T = ENGLISH): V {
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return tameText(v, key === 'curl' ? MAX_CURL_CHARS : MAX_VALUE_CHARS, t);
    if (Array.isArray(v)) {
      const items = v.map((item) => walk(item, key));
      if (key === 'details' || !items.every((item) => typeof item === 'string')) return items;
      return boundList(items as string[], MAX_OTHER_LIST_ITEMS, t);
    }
    // Details are cut before they are walked: an answer with 100,000 violations costs 20 tamings.
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(boundDetails(v as Json)).map(([k, child]) => [k, walk(child, k)]));
    return v;
  };
  return walk(value, '') as V;
}
