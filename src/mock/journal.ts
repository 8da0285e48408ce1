import type { Violation } from '../contracts';

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
  headers: Record<string, string>;
  /** The request's number in its store, so a live stream can resume after the last one it saw. */
  seq?: number;
  /** The query string, token-like values masked, up to QUERY_PREVIEW_CHARS. */
  query?: string;
  /** The start of the request body as parsed (JSON), up to BODY_PREVIEW_CHARS, and its whole length. */
  requestBody?: string;
  requestBodyLength?: number;
  /** The answer's content type, the start of its body (up to BODY_PREVIEW_CHARS) and its whole length in bytes. */
  responseType?: string;
  responseBody?: string;
  responseBodyLength?: number;
}

/** Characters of a request or answer body the journal keeps (the dashboard shows them). */
export const BODY_PREVIEW_CHARS = 4096;
/** Characters of a query string the journal keeps. */
export const QUERY_PREVIEW_CHARS = 500;

export const JOURNAL_SIZE = 1000;

/** A fixed-size ring: the last `capacity` requests, so memory stays bounded however long the mock runs. */
export class Journal {
  private readonly ring: (JournalEntry | undefined)[];
  private next = 0;
  private count = 0;

  constructor(private readonly capacity: number = JOURNAL_SIZE) {
    this.ring = new Array<JournalEntry | undefined>(capacity);
  }

  /** Records a request, overwriting the oldest once full. */
  add(entry: JournalEntry): void {
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** The recorded requests, oldest first. */
  entries(): JournalEntry[] {
    const out: JournalEntry[] = [];
    const start = (this.next - this.count + this.capacity) % this.capacity;
    for (let i = 0; i < this.count; i += 1) out.push(this.ring[(start + i) % this.capacity] as JournalEntry);
    return out;
  }

  /** Forgets every entry. */
  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.count = 0;
  }
}
