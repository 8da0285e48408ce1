import type { SandboxCatalog } from './sandbox-catalog';
import type { CallbackSender } from './callbacks';
import type { FreightTable } from './freight';
import type { Journal } from './journal';
import type { OrderStore } from './order-store';
import type { Scenarios } from './scenarios';
import type { HeaderAuth } from './auth';
import type { FreightQuotes } from './freight-quotes';

/** The live state one mock app shares between its routes (no express types: handlers take it plainly). */
export interface MockContext {
  /** The shared catalog with this store's own stock and blocks. */
  catalog: SandboxCatalog;
  freight: FreightTable;
  store: OrderStore;
  journal: Journal;
  scenarios: Scenarios;
  callbacks: CallbackSender;
  auth: HeaderAuth;
  lenient: boolean;
  /** The freight quoted per cart, to compare with the order's ("freight as quoted"). */
  quotes: FreightQuotes;
  /** OmniChat's "Alterar dados do frete": when false an order whose freight differs from the quote is a 422. */
  allowFreightChange: boolean;
  adminToken?: string;
  log?: (line: string) => void;
  /** Delayed answers still waiting; close() ends each wait so no timer outlives the server. */
  waits: Set<() => void>;
}
