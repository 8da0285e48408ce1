/**
 * A lane's call budget. Calls are counted as they are sent; a journey that creates an order reserves
 * the calls that will cancel it, so that running out never leaves an order behind. Once a lane has
 * found a rule broken, shrinking that journey may spend as much again (`allowShrinking`): a default
 * run against a correct merchant stays within the budget, a failing one costs at most twice it.
 */
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

  /** Lets shrinking a found journey spend up to the budget once more. */
  allowShrinking(): void {
    this.extra = this.limit;
  }

  /** Ends shrinking's allowance: exploring for the next rule uses what is left of the budget itself. */
  endShrinking(): void {
    this.extra = 0;
  }
}
