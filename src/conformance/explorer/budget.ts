/**
 * A lane's call budget. Calls are counted as they are sent; a journey that creates an order reserves
 * the calls that will cancel it, so that running out never leaves an order behind. Once a lane has
 * found a rule broken, shrinking that journey may spend more (`allowShrinking`: as much again, and at
 * least SHRINK_CALLS, a few replays of an order's journey): a run against a correct merchant stays
 * within the budget; only a failing one pays for its shortest journey.
 */
/** The least shrinking may spend: five replays of an order's journey (validate, create, its end, a look). */
export const SHRINK_CALLS = 30;

export class Budget {
  private spentCalls = 0;
  private reservedCalls = 0;
  private extra = 0;

  constructor(readonly limit: number) {}

  /** Calls sent so far. */
  get spent(): number {
    return this.spentCalls;
  }

  /** True when `calls` more (besides what is reserved) still fit. */
  allows(calls: number): boolean {
    return this.spentCalls + this.reservedCalls + calls <= this.limit + this.extra;
  }

  /** Counts one call sent; a reserved call is taken from the reservation. */
  spend(fromReserve = false): void {
    this.spentCalls++;
    if (fromReserve && this.reservedCalls > 0) this.reservedCalls--;
  }

  /** Sets `calls` aside for later (the cancellations of an order just created). */
  reserve(calls: number): void {
    this.reservedCalls += calls;
  }

  /** Gives back what a finished journey reserved and did not use. */
  releaseReserve(): void {
    this.reservedCalls = 0;
  }

  /** Lets shrinking a found journey spend up to the budget once more, and at least SHRINK_CALLS. */
  allowShrinking(): void {
    this.extra = Math.max(this.limit, SHRINK_CALLS);
  }

  /** Ends shrinking's allowance: exploring for the next rule uses what is left of the budget itself. */
  endShrinking(): void {
    this.extra = 0;
  }
}
