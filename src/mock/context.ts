import type { AnswerCache } from './answer-cache';
import type { Catalog } from './catalog';
import type { CallbackSender } from './callbacks';
import type { FreightTable } from './freight';
import type { Journal } from './journal';
import type { OrderStore } from './order-store';
import type { Scenarios } from './scenarios';
import type { HeaderAuth } from './auth';
import type { MockBudgets } from './limits';

/** The live state one mock app shares between its routes (no express types: handlers take it plainly). */
export interface MockContext {
  catalog: Catalog;
  freight: FreightTable;
  store: OrderStore;
  /** orderValidation answers reused for identical bodies while stock and stored orders stay the same. */
  checkerAnswers: AnswerCache;
  journal: Journal;
  /** The byte budgets the store, the journal and the search caches draw from (shared between sandboxes). */
  budgets: MockBudgets;
  /** Bound on one admin list answer, in bytes. */
  adminAnswerLimitBytes: number;
  scenarios: Scenarios;
  callbacks: CallbackSender;
  auth: HeaderAuth;
  lenient: boolean;
  adminToken?: string;
  log?: (line: string) => void;
  /** Delayed answers still waiting; close() ends each wait so no timer outlives the server. */
  waits: Set<() => void>;
}
