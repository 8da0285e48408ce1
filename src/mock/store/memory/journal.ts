import type { Violation } from '../../../contracts';
import type { ByteBudget, Charge } from '../../bounds/byte-budget';
import { createBudgets } from '../../bounds/limits';

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

export const JOURNAL_SIZE = 1000;
/** Violations kept per journal entry (--lenient); the problem answer itself lists them all. */
const JOURNALED_VIOLATIONS = 50;

// An entry's fixed fields, its object and its share of the ring, as estimated for the budget.
const ENTRY_BYTES = 400;
const VIOLATION_BYTES = 120;

/**
 * The last `capacity` requests, oldest first, bounded in bytes too: each entry draws from a byte
 * budget (possibly shared with other journals), which drops the oldest entries when it runs out.
 */
export class Journal {
  private readonly ring: (JournalEntry | undefined)[];
  private readonly charges: (Charge | undefined)[];
  /** Position of the oldest entry, and how many there are. */
  private start = 0;
  private count = 0;

  constructor(
    private readonly capacity: number = JOURNAL_SIZE,
    private readonly budget: ByteBudget = createBudgets().journal,
  ) {
    this.ring = new Array<JournalEntry | undefined>(capacity);
    this.charges = new Array<Charge | undefined>(capacity);
  }

  /** Records a request, dropping the oldest entry once full (by count or by the byte budget). */
  add(entry: JournalEntry): void {
    if (entry.violations !== undefined && entry.violations.length > JOURNALED_VIOLATIONS) {
      entry.violationsOmitted = entry.violations.length - JOURNALED_VIOLATIONS;
      entry.violations = entry.violations.slice(0, JOURNALED_VIOLATIONS);
    }
    if (this.count === this.capacity) this.dropOldest();
    const slot = (this.start + this.count) % this.capacity;
    this.ring[slot] = entry;
    this.count += 1;
    // Opened last: the budget may evict older entries (of this journal or another) to make room.
    this.charges[slot] = this.budget.open(entryBytes(entry), () => this.evicted(slot));
  }

  /** How many requests are recorded (without copying them out). */
  get size(): number {
    return this.count;
  }

  /** The recorded requests, oldest first. */
  entries(): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = 0; i < this.count; i += 1) out.push(this.ring[(this.start + i) % this.capacity] as JournalEntry);
    return out;
  }

  /** Forgets every entry. */
  clear(): void {
    while (this.count > 0) this.dropOldest();
  }

  private dropOldest(): void {
    this.charges[this.start]?.close();
    this.forgetOldest();
  }

  /** The budget dropped the entry in `slot`: with one budget per age order, it is always this journal's oldest. */
  private evicted(slot: number): void {
    if (this.count > 0 && slot === this.start) this.forgetOldest();
  }

  private forgetOldest(): void {
    this.ring[this.start] = undefined;
    this.charges[this.start] = undefined;
    this.start = (this.start + 1) % this.capacity;
    this.count -= 1;
  }
}

/** A string's bytes, counted as two per character: an upper bound without scanning it (this runs per request). */
function textBytes(text: string): number {
  return 16 + 2 * text.length;
}

function entryBytes(entry: JournalEntry): number {
  let bytes = ENTRY_BYTES + textBytes(entry.path);
  // The previews the dashboard shows, held as bytes until shown (each bounded to BODY_PREVIEW_BYTES).
  bytes += entry.previewBytes ?? 0;
  for (const name in entry.headers) bytes += textBytes(entry.headers[name]);
  for (const v of entry.violations ?? [])
    bytes += VIOLATION_BYTES + textBytes(v.pointer) + textBytes(v.message) + textBytes(v.keyword);
  return bytes;
}
