import type { MockContext } from './context';
import { said } from '../i18n';
import { HttpProblem } from '../errors/problems';
import { applyConfig, busyHere, changeSettings, createContext, forgetHere, inUse, type SharedParts } from './sandbox';
import { DEFAULT_SANDBOX, type SandboxState, type SandboxUse, type StoreChange } from '../store/mock-store';
import type { SandboxConfig, SandboxSettings } from '../store/sandbox-config';

/** A sandbox name: lower-case letters, digits and dashes, 1 to 40 (it goes into URLs as it is). */
export const SANDBOX_NAME = /^[a-z0-9-]{1,40}$/;
/** Default bound on named sandboxes (`--max-sandboxes`). */
export const DEFAULT_MAX_SANDBOXES = 50;
/** Default time without a request after which a sandbox not in use is dropped (`--sandbox-idle`): 24 h. */
export const DEFAULT_SANDBOX_IDLE_MS = 24 * 60 * 60 * 1000;
/** Dropped sandboxes remembered for the admin list, so a drop is never silent. */
const DROPPED_KEPT = 20;

/** A sandbox dropped for being idle, as the admin list shows it. */
interface DroppedSandbox {
  name: string;
  at: string;
  idleSeconds: number;
}

/** How many sandboxes a server holds and how long an idle one lives (0: forever). */
interface SandboxLimits {
  max: number;
  idleMs: number;
}

/** Refuses a name that is not `[a-z0-9-]{1,40}`, saying the rule. */
export function checkSandboxName(name: string): void {
  if (SANDBOX_NAME.test(name)) return;
  throw new HttpProblem('bad-sandbox-name', said('admin.badSandboxName', { name: JSON.stringify(name.slice(0, 60)) }));
}

/**
 * The stores of one server as this replica serves them: the default one (the plain base path) and named
 * sandboxes, created on first use up to a bound and kept in the store port, so every replica on the
 * same store sees the same ones. A sandbox without requests for the idle time is dropped unless it is
 * in use (answering, sending a callback or watched by a dashboard); each drop is logged and listed.
 */
export class SandboxRegistry {
  readonly default: MockContext;
  /** The stores this replica has opened, by name (the default one included). */
  private readonly local = new Map<string, MockContext>();
  /** Stores being opened, so that two requests at once open one. */
  private readonly opening = new Map<string, Promise<MockContext | undefined>>();
  private readonly droppedList: DroppedSandbox[] = [];
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly unwatch: () => void;

  constructor(
    private readonly shared: SharedParts,
    /** Settings a new sandbox starts with: the server's flags. */
    private readonly defaults: SandboxSettings,
    readonly limits: SandboxLimits,
    private readonly now: () => number = Date.now,
  ) {
    const state = shared.store.loaded(DEFAULT_SANDBOX);
    if (state === undefined) throw new Error('the store has no default sandbox loaded: open the store before the app');
    this.default = this.adopt(state);
    this.unwatch = shared.store.watch((change) => this.apply(change));
    if (limits.idleMs > 0) {
      const every = Math.min(60_000, Math.max(1000, Math.floor(limits.idleMs / 4)));
      this.timer = setInterval(() => void this.sweep().catch(() => undefined), every);
      this.timer.unref();
    }
  }

  /** Every store, the default one first (those another replica made are opened here too). */
  async list(): Promise<MockContext[]> {
    const out: MockContext[] = [];
    for (const { name } of await this.shared.store.summaries()) {
      const ctx = await this.open(name);
      if (ctx !== undefined) out.push(ctx);
    }
    return out;
  }

  /** The sandboxes dropped for being idle, newest last. */
  get dropped(): DroppedSandbox[] {
    return [...this.droppedList];
  }

  /** The store with this name ('default' is the default one), if this replica has it open. */
  get(name: string): MockContext | undefined {
    return this.local.get(name);
  }

  /** The store with this name ('default' included); 404 sandbox-not-found when there is none. */
  async existing(name: string): Promise<MockContext> {
    const ctx = this.local.get(name) ?? (SANDBOX_NAME.test(name) ? await this.open(name) : undefined);
    if (!ctx) throw notFound(name);
    return ctx;
  }

  /** The store with this name, created with the server's settings on first use. */
  async obtain(name: string): Promise<MockContext> {
    const known = this.local.get(name);
    if (known) return known;
    checkSandboxName(name);
    return this.add(name, { settings: this.defaults, scenarios: {} }, true);
  }

  /** Creates a sandbox with its own settings (from the server's, changed by `settings`); 409 if it exists. */
  async create(name: string, settings: (defaults: SandboxSettings) => SandboxSettings): Promise<MockContext> {
    checkSandboxName(name);
    return this.add(name, { settings: settings(this.defaults), scenarios: {} }, false);
  }

  /** True while a store answers a request or is watched here, or has a callback to send. */
  inUse(ctx: MockContext): Promise<boolean> {
    return inUse(ctx, this.shared.store);
  }

  /** Changes a store's integration settings (the default store's too). */
  configure(ctx: MockContext, settings: SandboxSettings): Promise<void> {
    return changeSettings(ctx, settings);
  }

  /** Deletes a sandbox: its orders, journal and stock changes are forgotten; its queued callbacks still go out. */
  async remove(name: string): Promise<void> {
    if (name === DEFAULT_SANDBOX) throw new HttpProblem('bad-admin-request', said('admin.defaultUndeletable'));
    const ctx = await this.existing(name);
    await this.shared.store.remove(name);
    this.forget(ctx);
  }

  /** Drops the sandboxes idle for longer than the idle time that are not in use. */
  async sweep(): Promise<void> {
    if (this.limits.idleMs <= 0) return;
    const now = this.now();
    const local = new Map<string, SandboxUse>();
    for (const ctx of this.local.values()) local.set(ctx.name, { lastUsed: ctx.usage.lastUsed, inUse: busyHere(ctx) });
    for (const { name, lastUsedAt } of await this.shared.store.dropIdle(now - this.limits.idleMs, local)) {
      const idleSeconds = Math.round((now - lastUsedAt) / 1000);
      const ctx = this.local.get(name);
      if (ctx) this.forget(ctx);
      this.noteDropped(name, now, idleSeconds);
      this.shared.log?.(
        JSON.stringify({ time: new Date(now).toISOString(), event: 'sandbox-dropped', sandbox: name, idleSeconds }),
      );
    }
  }

  /** Stops the idle sweep and the watch on the store (server shutdown). */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.unwatch();
  }

  private async add(name: string, config: SandboxConfig, reuse: boolean): Promise<MockContext> {
    let outcome = await this.shared.store.create(name, config, this.limits.max, reuse);
    if (outcome === 'full') {
      await this.sweep();
      outcome = await this.shared.store.create(name, config, this.limits.max, reuse);
    }
    if (outcome === 'exists') throw new HttpProblem('sandbox-exists', said('admin.sandboxExists', { name }));
    if (outcome === 'full')
      throw new HttpProblem('sandbox-limit', said('admin.sandboxLimit', { max: this.limits.max }), {
        fields: { maxSandboxes: this.limits.max },
      });
    return this.local.get(name) ?? this.adopt(outcome);
  }

  /** The store with this name opened on this replica, loading it from the store port once. */
  private open(name: string): Promise<MockContext | undefined> {
    const known = this.local.get(name);
    if (known) return Promise.resolve(known);
    let pending = this.opening.get(name);
    if (pending === undefined) {
      pending = this.shared.store
        .open(name)
        .then((state) => (state === undefined ? undefined : (this.local.get(name) ?? this.adopt(state))))
        .finally(() => this.opening.delete(name));
      this.opening.set(name, pending);
    }
    return pending;
  }

  private adopt(state: SandboxState): MockContext {
    const ctx = createContext(this.shared, state, this.now());
    this.local.set(state.name, ctx);
    return ctx;
  }

  private forget(ctx: MockContext): void {
    if (ctx === this.default) return;
    this.local.delete(ctx.name);
    forgetHere(ctx, 'deleted');
  }

  private noteDropped(name: string, now: number, idleSeconds: number): void {
    this.droppedList.push({ name, at: new Date(now).toISOString(), idleSeconds });
    if (this.droppedList.length > DROPPED_KEPT) this.droppedList.shift();
  }

  /** A change another replica made (or the store made in the background), applied to what this replica holds. */
  private apply(change: StoreChange): void {
    const ctx = this.local.get(change.sandbox);
    switch (change.kind) {
      case 'config':
        if (ctx) applyConfig(ctx);
        return;
      case 'reset':
        if (ctx) forgetHere(ctx, 'reset');
        return;
      case 'removed':
        if (ctx) this.forget(ctx);
        if (change.idleSeconds !== undefined) this.noteDropped(change.sandbox, this.now(), change.idleSeconds);
        return;
      case 'stock':
        ctx?.events.publish({ kind: 'stock', productId: change.productId });
        return;
      case 'order':
        ctx?.events.publish({ kind: 'order', objectId: change.objectId });
        return;
      case 'requests':
        if (ctx) for (const entry of change.entries) ctx.events.publish({ kind: 'request', entry });
        return;
    }
  }
}

/** The 404 for a call about a sandbox that does not exist. */
function notFound(name: string): HttpProblem {
  return new HttpProblem(
    'sandbox-not-found',
    said('admin.sandboxNotFound', { name: JSON.stringify(name.slice(0, 60)) }),
  );
}
