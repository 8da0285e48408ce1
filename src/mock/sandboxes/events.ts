import type { JournalEntry } from '../store/journal-entry';

/** What a store tells those watching it (the dashboard's live stream). */
export type MockEvent =
  | { kind: 'request'; entry: JournalEntry }
  | { kind: 'order'; objectId: string }
  | { kind: 'stock'; productId: string }
  | { kind: 'reset' }
  | { kind: 'deleted' };

/**
 * The live events of one store on this replica: each journaled request (numbered by the journal, so a
 * stream can resume after the last one it saw), an order whose callbacks changed, a reset. Publishing
 * costs nothing while no one listens.
 */
export class EventHub {
  private readonly listeners = new Set<(event: MockEvent) => void>();

  /** `watched` hears whether anyone listens, when that changes (a store that writes behind follows its journal then). */
  constructor(private readonly watched: (watching: boolean) => void = () => undefined) {}

  /** How many streams watch this store. */
  get watchers(): number {
    return this.listeners.size;
  }

  /** Calls `listener` for every event from now on; returns the function that stops it. */
  subscribe(listener: (event: MockEvent) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.watched(true);
    return () => {
      if (this.listeners.delete(listener) && this.listeners.size === 0) this.watched(false);
    };
  }

  /** Tells every listener. */
  publish(event: MockEvent): void {
    if (this.listeners.size === 0) return;
    for (const listener of [...this.listeners]) listener(event);
  }
}
