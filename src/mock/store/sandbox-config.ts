import type { HeaderPair } from '../../common/headers';
import type { OperationId } from '../../contracts';

/** One OmniChat integration as a store mirrors it: what OmniChat's settings screen holds for it. */
export interface SandboxSettings {
  /** Checkout Omni (statusChange callback) or Checkout Próprio (provisions callback). */
  checkout: 'omni' | 'own';
  /** The custom headers every operation request must carry (at most 5). */
  headers: HeaderPair[];
  /** OmniChat's orders API base for callbacks; none are sent without it. */
  omnichatApi?: string;
  /** Sent as `Authorization: Bearer <token>` on callbacks. */
  omnichatToken?: string;
  /** "Alterar dados do frete": false refuses an order whose freight is not the one quoted. */
  allowFreightChange: boolean;
}

/** Each operation's default scenario, as set through the admin API (an operation without one is absent). */
export type ScenarioDefaults = Partial<Record<OperationId, string>>;

/** What a store is configured with: its integration settings and its default scenarios. */
export interface SandboxConfig {
  settings: SandboxSettings;
  scenarios: ScenarioDefaults;
}
