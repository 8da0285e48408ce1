import type { MockContext } from './context';
import { said } from '../i18n';
import { HttpProblem } from '../errors/problems';
import { changeSettings, createStore, inUse, resetStore, type SharedParts } from './sandbox';
import type { SandboxSettings } from './sandbox-settings';

/** A sandbox name: lower-case letters, digits and dashes, 1 to 40 (it goes into URLs as it is). */
export const SANDBOX_NAME = /^[a-z0-9-]{1,40}$/;
/** Default bound on named sandboxes (`--max-sandboxes`). */
export const DEFAULT_MAX_SANDBOXES = 50;
/** Default time without a request after which a sandbox not in use is dropped (`--sandbox-idle`): 24 h. */
export const DEFAULT_SANDBOX_IDLE_MS = 24 * 60 * 60 * 1000;
/** Dropped sandboxes remembered for the admin list, so a drop is never silent. */
const DROPPED_KEPT = 20;

/** A sandbox the mock dropped for being idle, as the admin list shows it. */
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
 * The stores of one server: the default one (the plain base path) and named sandboxes, created on first
 * use up to a bound. A sandbox without requests for the idle time is dropped unless it is in use
 * (answering, sending a callback or watched by a dashboard); each drop is logged and listed.
 */
export class SandboxRegistry {
  readonly default: MockContext;
  private readonly named = new Map<string, MockContext>();
  private readonly droppedList: DroppedSandbox[] = [];
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly shared: SharedParts,
    /** Settings a new sandbox starts with: the server's flags. */
    private readonly defaults: SandboxSettings,
    readonly limits: SandboxLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.default = createStore(shared, 'default', defaults, now());
    if (limits.idleMs > 0) {
      this.timer = setInterval(() => this.sweep(), Math.min(60_000, Math.max(1000, Math.floor(limits.idleMs / 4))));
      this.timer.unref();
    }
  }

  /** Every store, the default one first. */
  list(): MockContext[] {
    return [this.default, ...this.named.values()];
  }

  /** The sandboxes dropped for being idle, newest last. */
  get dropped(): DroppedSandbox[] {
    return [...this.droppedList];
  }

  /** The store with this name ('default' is the default one), if it exists. */
  get(name: string): MockContext | undefined {
    return name === 'default' ? this.default : this.named.get(name);
  }

  /** The store with this name ('default' included); 404 sandbox-not-found when there is none. */
  existing(name: string): MockContext {
    const ctx = this.get(name);
    if (!ctx) throw notFound(name);
    return ctx;
  }

  /** The store with this name, created with the server's settings on first use. */
  obtain(name: string): MockContext {
    const known = this.get(name);
    if (known) return known;
    checkSandboxName(name);
    return this.add(name, this.defaults);
  }

  /** Creates a sandbox with its own settings (from the server's, changed by `settings`); 409 if it exists. */
  create(name: string, settings: (defaults: SandboxSettings) => SandboxSettings): MockContext {
    checkSandboxName(name);
    if (this.get(name)) throw new HttpProblem('sandbox-exists', said('admin.sandboxExists', { name }));
    return this.add(name, settings(this.defaults));
  }

  /** Changes a store's integration settings (the default store's too). */
  configure(ctx: MockContext, settings: SandboxSettings): void {
    changeSettings(ctx, settings);
  }

  /** Deletes a sandbox: its orders, journal and stock changes are forgotten, its callbacks abandoned. */
  remove(name: string): void {
    if (name === 'default') throw new HttpProblem('bad-admin-request', said('admin.defaultUndeletable'));
    this.drop(this.existing(name));
  }

  /** Drops the sandboxes idle for longer than the idle time that are not in use. */
  sweep(): void {
    if (this.limits.idleMs <= 0) return;
    const now = this.now();
    for (const ctx of [...this.named.values()]) {
      const idle = now - ctx.usage.lastUsed;
      if (idle < this.limits.idleMs || inUse(ctx)) continue;
      this.drop(ctx);
      const dropped = { name: ctx.name, at: new Date(now).toISOString(), idleSeconds: Math.round(idle / 1000) };
      this.droppedList.push(dropped);
      if (this.droppedList.length > DROPPED_KEPT) this.droppedList.shift();
      this.shared.log?.(
        JSON.stringify({
          time: dropped.at,
          event: 'sandbox-dropped',
          sandbox: ctx.name,
          idleSeconds: dropped.idleSeconds,
        }),
      );
    }
  }

  /** Stops the idle sweep (server shutdown). */
  close(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private add(name: string, settings: SandboxSettings): MockContext {
    if (this.named.size >= this.limits.max) this.sweep();
    if (this.named.size >= this.limits.max)
      throw new HttpProblem('sandbox-limit', said('admin.sandboxLimit', { max: this.limits.max }), {
        fields: { maxSandboxes: this.limits.max },
      });
    const ctx = createStore(this.shared, name, settings, this.now());
    this.named.set(name, ctx);
    return ctx;
  }

  private drop(ctx: MockContext): void {
    this.named.delete(ctx.name);
    ctx.events.publish({ kind: 'deleted' });
    // Its callbacks already on their way finish in the background (bounded by their retries); their
    // outcome lands in records no one holds any more.
    resetStore(ctx);
  }
}

/** The 404 for a call about a sandbox that does not exist. */
function notFound(name: string): HttpProblem {
  return new HttpProblem(
    'sandbox-not-found',
    said('admin.sandboxNotFound', { name: JSON.stringify(name.slice(0, 60)) }),
  );
}
