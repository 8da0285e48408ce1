import type { ByteBudget, Charge } from '../../bounds/byte-budget';
import { createBudgets } from '../../bounds/limits';
import { boundViolations, journalEntryBytes, JOURNAL_SIZE, type JournalEntry } from '../journal-entry';
import type { JournalBook } from '../mock-store';

/**
 * The last `capacity` requests, oldest first, bounded in bytes too: each entry draws from a byte
 * budget (possibly shared with other journals), which drops the oldest entries when it runs out.
 * Entries are numbered as they are added.
 */
export class Journal implements JournalBook {
  private readonly ring: (JournalEntry | undefined)[];
  private readonly charges: (Charge | undefined)[];
  /** Position of the oldest entry, and how many there are. */
  private start = 0;
  private count_ = 0;
  private seq = 0;

  constructor(
    private readonly capacity: number = JOURNAL_SIZE,
    private readonly budget: ByteBudget = createBudgets().journal,
  ) {
    this.ring = new Array<JournalEntry | undefined>(capacity);
    this.charges = new Array<Charge | undefined>(capacity);
  }

  /** Records a request with the next number, dropping the oldest entry once full (by count or by the byte budget). */
  add(entry: JournalEntry): void {
    boundViolations(entry);
    this.seq += 1;
    entry.seq = this.seq;
    if (this.count_ === this.capacity) this.dropOldest();
    const slot = (this.start + this.count_) % this.capacity;
    this.ring[slot] = entry;
    this.count_ += 1;
    // Opened last: the budget may evict older entries (of this journal or another) to make room.
    this.charges[slot] = this.budget.open(journalEntryBytes(entry), () => this.evicted(slot));
  }

  /** How many requests are recorded (without copying them out). */
  get size(): number {
    return this.count_;
  }

  count(): Promise<number> {
    return Promise.resolve(this.count_);
  }

  entries(): Promise<JournalEntry[]> {
    return Promise.resolve(this.entriesNow());
  }

  /** The recorded requests, oldest first, at once. */
  entriesNow(): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = 0; i < this.count_; i += 1) out.push(this.ring[(this.start + i) % this.capacity] as JournalEntry);
    return out;
  }

  after(seq: number): Promise<JournalEntry[]> {
    // A number past the last means the mock started again: everything it holds is new to the client.
    const from = seq > this.seq ? 0 : seq;
    return Promise.resolve(this.entriesNow().filter((entry) => (entry.seq ?? 0) > from));
  }

  follow(): void {
    // Entries are numbered as they are added, and shown at once by whoever added them.
  }

  /** Forgets every entry (numbering goes on, so a stream resuming after a reset misses nothing new). */
  clear(): void {
    while (this.count_ > 0) this.dropOldest();
  }

  private dropOldest(): void {
    this.charges[this.start]?.close();
    this.forgetOldest();
  }

  /** The budget dropped the entry in `slot`: with one budget per age order, it is always this journal's oldest. */
  private evicted(slot: number): void {
    if (this.count_ > 0 && slot === this.start) this.forgetOldest();
  }

  private forgetOldest(): void {
    this.ring[this.start] = undefined;
    this.charges[this.start] = undefined;
    this.start = (this.start + 1) % this.capacity;
    this.count_ -= 1;
  }
}
