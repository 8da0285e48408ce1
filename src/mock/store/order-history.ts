import { createHash } from 'node:crypto';
import { stringBytes } from '../bounds/heap-estimate';
import { HISTORY_MESSAGE_LIMIT } from '../bounds/limits';
import type { CallbackRecord, HistoryEntry } from './order-record';

/** Characters kept of a status or a source name (identifiers: a longer one is not one OmniChat sends). */
export const NAME_LIMIT = 200;
// An entry's object, its `at` string and its slot in the history array, as estimated for the budget.
const ENTRY_BYTES = 160;
// A notification key longer than this is kept as its SHA-256 digest (only --lenient lets one through).
const KEY_LIMIT = 256;

/** The text cut to `limit` characters, saying where and how long it was; shorter text as it is. */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}... (cut at ${limit} of ${text.length} characters)`;
}

/** A history entry whose status, source and message are cut to their bounds. */
export function boundedEntry(entry: HistoryEntry): HistoryEntry {
  const bounded: HistoryEntry = { ...entry, source: cutText(entry.source, NAME_LIMIT) };
  if (entry.status !== undefined) bounded.status = cutText(entry.status, NAME_LIMIT);
  if (entry.message !== undefined) bounded.message = cutText(entry.message, HISTORY_MESSAGE_LIMIT);
  return bounded;
}

/** Estimated heap bytes of a (bounded) history entry. */
export function historyEntryBytes(entry: HistoryEntry): number {
  let bytes = ENTRY_BYTES + stringBytes(entry.source);
  if (entry.status !== undefined) bytes += stringBytes(entry.status);
  if (entry.message !== undefined) bytes += stringBytes(entry.message);
  return bytes;
}

/**
 * The key that makes a notification count once: its status and updatedAt, as JSON (unambiguous, and
 * free of control characters, which a database column refuses), bounded in length.
 */
export function notificationKey(status: string, updatedAt: unknown): string {
  const key = JSON.stringify([status, updatedAt ?? null]);
  return key.length <= KEY_LIMIT ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/** Estimated heap bytes of a notification key in its Set. */
export function keyBytes(key: string): number {
  return 32 + stringBytes(key);
}

/** The status history entry of a finished callback: its outcome after N attempts, or why it was not sent. */
export function callbackHistoryEntry(callback: CallbackRecord, at: string = new Date().toISOString()): HistoryEntry {
  const attempts = callback.attempts.length;
  const refused = attempts === 1 && callback.attempts[0].error?.startsWith('not sent') === true;
  return {
    at,
    event: 'callback',
    status:
      callback.callback === 'statusChange' ? String(callback.body.status) : `provisions ${String(callback.body.code)}`,
    source: 'mock',
    message: refused
      ? (callback.attempts[0].error as string)
      : `${callback.outcome} after ${attempts} attempt${attempts === 1 ? '' : 's'}`,
  };
}
