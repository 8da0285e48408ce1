import { shippingOptionsJson } from './freight';
import type { CheckerEntry } from './order-types';

/** The keys of a checker entry, written as JSON once. */
const KEY_JSON = new Map(
  ['action', 'component', 'componentId', 'message', 'shippingMethod', 'shippingOptions'].map((key) => [
    key,
    `${JSON.stringify(key)}:`,
  ]),
);

/**
 * The orderValidation answer as JSON text, exactly as JSON.stringify(entries) writes it (the same keys in
 * the same order, undefined values left out), but with each freight quote's JSON written once for every
 * line priced the same (shippingOptionsJson): the options are most of an answer's bytes, and writing them
 * again for every cart was the costliest step of a new cart's answer.
 */
export function checkerAnswerJson(entries: readonly CheckerEntry[]): string {
  let json = '[';
  for (let i = 0; i < entries.length; i += 1) {
    if (i > 0) json += ',';
    json += entryJson(entries[i] as unknown as Record<string, unknown>);
  }
  return `${json}]`;
}

function entryJson(entry: Record<string, unknown>): string {
  let json = '';
  // Object.keys lists the own enumerable string keys in the order JSON.stringify writes them.
  for (const key of Object.keys(entry)) {
    const value = entry[key];
    const text: string | undefined =
      typeof value === 'string'
        ? jsonString(value)
        : key === 'shippingOptions' && Array.isArray(value)
          ? shippingOptionsJson(value)
          : JSON.stringify(value);
    // JSON.stringify leaves out a key whose value it cannot write (undefined, a function, a symbol).
    if (text === undefined) continue;
    json += `${json === '' ? '{' : ','}${KEY_JSON.get(key) ?? `${JSON.stringify(key)}:`}${text}`;
  }
  return json === '' ? '{}' : `${json}}`;
}

/** A string as JSON: quoted as it is when plain (the ids and methods of a cart), else by JSON.stringify. */
function jsonString(value: string): string {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    // What JSON.stringify escapes: a quote, a backslash, a control character, a surrogate (paired or not, left to it).
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff))
      return JSON.stringify(value);
  }
  return `"${value}"`;
}
