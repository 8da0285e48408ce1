import { OldestFirstMap } from './oldest-first-map';

/** One holding drawn from a ByteBudget: resize it as what it stands for grows, close it when that is dropped. */
export interface Charge {
  /** The bytes this holding counts now (0 once closed). */
  readonly bytes: number;
  /** Counts `bytes` instead; past the budget's limit, older holdings are evicted (never this one). */
  resize(bytes: number): void;
  /** Gives the bytes back; idempotent, and a no-op for a holding the budget has already evicted. */
  close(): void;
}

/** A holding as the budget keeps it (a class, not closures: the journal opens one per request). */
class Holding implements Charge {
  bytes = 0;

  constructor(
    private readonly budget: ByteBudget,
    readonly id: number,
    readonly evict: () => void,
  ) {}

  resize(next: number): void {
    this.budget.resizeHolding(this, Math.max(0, next));
  }

  close(): void {
    this.budget.closeHolding(this);
  }
}

/** What a budget holds, as the admin API shows it. */
export interface BudgetUsage {
  limitBytes: number;
  usedBytes: number;
  holdings: number;
  evictions: number;
}

/**
 * A shared accountant of bytes: any number of stores, journals or caches draw from one budget, and
 * when the total passes the limit the oldest holding of any of them is evicted first (its owner's
 * `evict` callback drops it). Several mock apps (sandboxes) may share one budget, so their sum stays
 * bounded, not each one's. Everything is synchronous: Node runs one handler at a time, so no holding
 * is evicted halfway through a request's own bookkeeping.
 */
export class ByteBudget {
  // Oldest first, found in O(1) however many holdings were closed before it (see OldestFirstMap).
  private readonly holdings = new OldestFirstMap<number, Holding>();
  private nextId = 0;
  private used = 0;
  private evicted = 0;

  constructor(
    /** What the budget bounds, for messages ("order store", "request journal"). */
    readonly name: string,
    readonly limitBytes: number,
  ) {
    if (!Number.isFinite(limitBytes) || limitBytes <= 0) throw new RangeError(`${name}: the byte limit must be > 0`);
  }

  /** Bytes held now, by every holder together. */
  get usedBytes(): number {
    return this.used;
  }

  /** The budget's state, for the admin API. */
  usage(): BudgetUsage {
    return { limitBytes: this.limitBytes, usedBytes: this.used, holdings: this.holdings.size, evictions: this.evicted };
  }

  /**
   * Opens a holding of `bytes`; `evict` is called (after the holding is closed) when the budget must
   * drop it to make room, and must forget what the holding stands for without opening another one.
   */
  open(bytes: number, evict: () => void): Charge {
    const holding = new Holding(this, this.nextId, evict);
    this.nextId += 1;
    this.holdings.set(holding.id, holding);
    holding.resize(bytes);
    return holding;
  }

  /** @internal Holding.resize: counts the new size, then makes room by evicting older holdings. */
  resizeHolding(holding: Holding, bytes: number): void {
    if (this.holdings.get(holding.id) !== holding) return;
    this.used += bytes - holding.bytes;
    holding.bytes = bytes;
    this.makeRoom(holding.id);
  }

  /** @internal Holding.close: gives the bytes back once. */
  closeHolding(holding: Holding): void {
    if (!this.holdings.delete(holding.id)) return;
    this.used -= holding.bytes;
    holding.bytes = 0;
  }

  /** Evicts the oldest holdings other than `keep` until the total fits (a lone holding larger than the limit stays). */
  private makeRoom(keep: number): void {
    while (this.used > this.limitBytes) {
      const oldest = this.oldestExcept(keep);
      if (oldest === undefined) return;
      oldest.close();
      this.evicted += 1;
      oldest.evict();
    }
  }

  private oldestExcept(keep: number): Holding | undefined {
    return this.holdings.oldest(keep)?.[1];
  }
}
