import type { HeaderPair } from '../../common/headers';
import type { OperationId, SearchType } from '../../contracts';
import type { NetworkSettings } from '../http/network';

/** OmniChat's time budget for every merchant endpoint (docs/contracts.md, decision 10). */
export const DEFAULT_TIMEOUT_MS = 5000;
/** Requests in flight at once within an operation (--concurrency); 1 sends them strictly one after another. */
export const DEFAULT_CONCURRENCY = 4;
/**
 * The explorer's call budget by default: as many calls as the checks themselves make against the mock
 * (36), so that a default run makes at most about twice the calls it made before the explorer.
 */
export const DEFAULT_EXPLORE_CALLS = 36;
/** The most calls --explore-calls allows. */
export const MAX_EXPLORE_CALLS = 2000;
/** A TEXT search the mock's catalogue (and most clothing stores) answers. */
export const DEFAULT_SEARCH_QUERY = 'camiseta';

/** What one run needs, whichever way it was configured (config file or flags). */
export interface RunConfig {
  displayName: string;
  checkout: 'omni' | 'own';
  urls: Record<OperationId, string>;
  headers: HeaderPair[];
  searchQuery: string;
  searchTypes: SearchType[];
  timeoutMs: number;
  /** The settings screen's "Alterar dados do frete": sellers may change the freight of an order. */
  allowFreightChange: boolean;
  /** Requests in flight at once within an operation (--concurrency, default 4). */
  concurrency: number;
  only: OperationId[];
  destructive: boolean;
  /** The explorer's call budget (--explore-calls); 0 turns it off. */
  exploreCalls: number;
  /** The explorer's seed (--seed); derived from the run id when absent. */
  seed?: number;
  /** Port of the local stand-in for OmniChat's orders API, when callbacks are checked. */
  callbackPort?: number;
  /** Extra CAs, --insecure and the proxy variables; Node's defaults and no proxy when absent. */
  network?: NetworkSettings;
}
