import type { Violation } from '../../contracts';

/** One request as the admin API shows it; header values of configured auth headers are masked. */
export interface JournalEntry {
  at: string;
  method: string;
  path: string;
  operation?: string;
  status: number;
  durationMs: number;
  scenario?: string;
  violations?: Violation[];
  /** Violations past the first JOURNALED_VIOLATIONS, counted but not kept. */
  violationsOmitted?: number;
  headers: Record<string, string>;
  /** The request's number in its store, so a live stream can resume after the last one it saw. */
  seq?: number;
  /** The query string, token-like values masked, up to QUERY_PREVIEW_CHARS (in the admin views). */
  query?: string;
  /** The start of the request body as it arrived (BODY_PREVIEW_BYTES; in the admin views), and its whole length in bytes. */
  requestBody?: string;
  requestBodyLength?: number;
  /** The answer's content type, the start of its body (BODY_PREVIEW_BYTES; in the admin views) and its whole length in bytes. */
  responseType?: string;
  responseBody?: string;
  responseBodyLength?: number;
  /** Bytes the raw previews hold until the entry is shown (counted in the journal's budget; not shown). */
  previewBytes?: number;
}

/** Bytes of a request or answer body the journal keeps (the dashboard shows them). */
export const BODY_PREVIEW_BYTES = 4096;
/** Characters of a query string the journal keeps. */
export const QUERY_PREVIEW_CHARS = 500;
/** Requests a store's journal keeps (fewer past the journal's byte budget). */
export const JOURNAL_SIZE = 1000;
/** Violations kept per journal entry (--lenient); the problem answer itself lists them all. */
const JOURNALED_VIOLATIONS = 50;

// An entry's fixed fields, its object and its share of the ring, as estimated for the budget.
const ENTRY_BYTES = 400;
const VIOLATION_BYTES = 120;

/** Keeps the first JOURNALED_VIOLATIONS of an entry's violations, counting the rest. */
export function boundViolations(entry: JournalEntry): void {
  if (entry.violations !== undefined && entry.violations.length > JOURNALED_VIOLATIONS) {
    entry.violationsOmitted = entry.violations.length - JOURNALED_VIOLATIONS;
    entry.violations = entry.violations.slice(0, JOURNALED_VIOLATIONS);
  }
}

/** A string's bytes, counted as two per character: an upper bound without scanning it (this runs per request). */
function textBytes(text: string): number {
  return 16 + 2 * text.length;
}

/** What an entry holds, as estimated for the journal's byte budget. */
export function journalEntryBytes(entry: JournalEntry): number {
  let bytes = ENTRY_BYTES + textBytes(entry.path);
  // The previews the dashboard shows, held as bytes until shown (each bounded to BODY_PREVIEW_BYTES).
  bytes += entry.previewBytes ?? 0;
  for (const name in entry.headers) bytes += textBytes(entry.headers[name]);
  for (const v of entry.violations ?? [])
    bytes += VIOLATION_BYTES + textBytes(v.pointer) + textBytes(v.message) + textBytes(v.keyword);
  return bytes;
}
