import path from 'node:path';
import { FIXTURES_DIR } from '../../contracts';
import type { HeaderPair } from '../../common/headers';
import type { Product } from '../domain/catalog-types';
import type { MockBudgets } from '../bounds/limits';
import type { VerifyHistory } from '../store/verify-history';
import type { VerifyLimits } from './verify-runs';
import type { VerifyService } from './verify-service';

/** Everything createMockApp needs; every field has a default (the embedded fixtures, port-less). */
export interface MockOptions {
  /** Products to serve (already checked); default: `catalogPath` read and checked at start. */
  products?: Product[];
  /** A catalog file (a productSearch response); default fixtures/catalog.json. */
  catalogPath?: string;
  /** Freight table; default fixtures/freight.json. */
  freightPath?: string;
  /** Custom scenarios, one folder per operation; default fixtures/scenarios. */
  scenariosDir?: string;
  /** Where the five operations live; default /v1. */
  basePath?: string;
  /** Headers every operation request must carry (at most 5, like OmniChat's settings). */
  auth?: HeaderPair[];
  checkout?: 'omni' | 'own';
  /** OmniChat's orders API base for callbacks; none are sent without it. */
  omnichatApi?: string;
  omnichatToken?: string;
  /**
   * The URL clients reach the mock by (`serve --public-url`, or the bound address): the own-checkout link
   * starts with it, and the admin API also answers its Host and Origin; default http://127.0.0.1:4010.
   */
  publicUrl?: string;
  /** More names the admin API answers as its Host (`serve --host`), besides localhost, 127.0.0.1, [::1] and the address a connection came in on. */
  hostNames?: string[];
  /** OmniChat's "Alterar dados do frete" (default true): false refuses an order whose freight is not the one quoted. */
  allowFreightChange?: boolean;
  /** Accept requests that break the contract, keeping the violations in the journal. */
  lenient?: boolean;
  /** Receives one JSON line per request; default: no request log. */
  log?: (line: string) => void;
  /** Required by the admin API when set (Authorization: Bearer <token>). */
  adminToken?: string;
  /** Callback retry policy (tests shorten it). */
  callbackRetry?: { attempts?: number; baseDelayMs?: number; timeoutMs?: number };
  /** Callbacks at once (sockets) and waiting (for a socket or a retry); past both, a new one is not sent. */
  callbackLimits?: { inFlight?: number; queued?: number };
  /** Bound on stored orders (default 10,000; the oldest is forgotten past it). */
  maxOrders?: number;
  /** Byte budget of stored orders (default 256 MB; the oldest is forgotten past it, its stock released). */
  storeBudgetBytes?: number;
  /** Byte budget of the request journal (default 16 MB), besides its 1,000 entries. */
  journalBudgetBytes?: number;
  /** Budgets shared with other mock apps (sandboxes); when given, the two fields above are ignored. */
  budgets?: MockBudgets;
  /** Status history entries kept per order (default 100, the newest). */
  historyLimit?: number;
  /** Bound on one admin list answer in bytes (default 16 MB): the newest items that fit. */
  adminAnswerLimitBytes?: number;
  /** Bound on named sandboxes (default 50); past it a new one is refused with 503 sandbox-limit. */
  maxSandboxes?: number;
  /** A sandbox without requests this long (default 24 h) is dropped unless in use; 0 keeps them all. */
  sandboxIdleMs?: number;
  /**
   * Where the state lives: `memory` (the default) or a PostgreSQL URL shared by replicas,
   * `postgres://USER@HOST:PORT/DB`. A database is opened by `openMockApp` (createMockApp is synchronous
   * and keeps memory).
   */
  store?: string;
  /**
   * The runner behind the QA console's "Testar integração" (`/__admin/verify-runs`): `merchant-kit serve`
   * wires the conformance runner in. Without it those routes answer 404 verify-unavailable.
   */
  verify?: VerifyService;
  /** Runs at once (default 2), waiting (20) and the time each may take (5 minutes). */
  verifyLimits?: Partial<VerifyLimits>;
  /**
   * Where finished runs are kept, to replace the store's own: by default the store keeps them (this
   * process's memory, or the PostgreSQL database every replica shares), within the two bounds below.
   */
  verifyHistory?: VerifyHistory;
  /** Finished runs kept at most (default 200, `serve --verify-history`): past it the oldest go. */
  verifyHistoryRuns?: number;
  /** Bytes of finished runs kept at most (default 64 MB): past it the oldest go. */
  verifyHistoryBytes?: number;
}

export const DEFAULT_BASE_PATH = '/v1';
export const DEFAULT_CATALOG_PATH = path.join(FIXTURES_DIR, 'catalog.json');
export const DEFAULT_FREIGHT_PATH = path.join(FIXTURES_DIR, 'freight.json');
export const DEFAULT_SCENARIOS_DIR = path.join(FIXTURES_DIR, 'scenarios');

/** A base path in canonical form: leading slash, no trailing slash ("" for the root). */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
