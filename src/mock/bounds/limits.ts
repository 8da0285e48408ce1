import { ByteBudget } from './byte-budget';

const MB = 1024 * 1024;

/** Default byte budget of stored orders (`--store-budget`): past it the oldest order is forgotten. */
const DEFAULT_STORE_BUDGET_BYTES = 256 * MB;
/** Default byte budget of the request journal (`--journal-budget`), besides its 1,000 entries. */
const DEFAULT_JOURNAL_BUDGET_BYTES = 16 * MB;
/** Byte budget of the answer caches: search answers and match lists, orderValidation answers (they only save time). */
const ANSWER_CACHES_BUDGET_BYTES = 64 * MB;
/** Default bound on one list answer of the admin API (`--admin-answer-limit`): the newest items that fit. */
export const DEFAULT_ADMIN_ANSWER_LIMIT_BYTES = 16 * MB;
/** Default number of status history entries kept per order (`--history-limit`): the newest ones. */
export const DEFAULT_HISTORY_LIMIT = 100;
/** Characters kept of a status message (a notification's or a callback's); the cut is said in the text. */
export const HISTORY_MESSAGE_LIMIT = 1000;
/** Notes kept per order (one per cart line that reserved less than asked); the rest are counted in one note. */
export const NOTES_LIMIT = 50;

/**
 * The byte budgets the mock draws from. Pass the same object to several createMockApp calls (one per
 * sandbox) and their orders, journals and caches are bounded together, oldest evicted first across all.
 */
export interface MockBudgets {
  store: ByteBudget;
  journal: ByteBudget;
  /** The cached answers of every store: search answers and match lists, and orderValidation answers to repeated bodies. */
  answerCaches: ByteBudget;
  /** The same budget as `answerCaches`, under the name it had when only the search drew from it. */
  searchCache: ByteBudget;
}

/** The budgets' limits in bytes; every field has a default. */
export interface BudgetLimits {
  storeBytes?: number;
  journalBytes?: number;
  /** The answer caches' limit. */
  answerCacheBytes?: number;
  /** The answer caches' limit, by its former name (`answerCacheBytes` wins when both are given). */
  searchCacheBytes?: number;
}

/** Creates a set of budgets (one per server; share it between sandboxes). */
export function createBudgets(limits: BudgetLimits = {}): MockBudgets {
  const answerCaches = new ByteBudget(
    'answer caches',
    limits.answerCacheBytes ?? limits.searchCacheBytes ?? ANSWER_CACHES_BUDGET_BYTES,
  );
  return {
    store: new ByteBudget('order store', limits.storeBytes ?? DEFAULT_STORE_BUDGET_BYTES),
    journal: new ByteBudget('request journal', limits.journalBytes ?? DEFAULT_JOURNAL_BUDGET_BYTES),
    answerCaches,
    searchCache: answerCaches,
  };
}
