import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Lang } from '../../common/i18n';
import { HttpProblem } from '../errors/problems';
import { said } from '../i18n';
import type { VerifyHistory, VerifyProgressLine } from '../store/verify-history';
import { finishedRecord, liveView, type LiveRun, type RunView, type VerifyState } from './verify-records';
import type { VerifyPlan, VerifyReport, VerifyRun, VerifyService } from './verify-service';

/** Runs at once by default (`serve --max-verify-runs`); the rest wait in line. */
export const DEFAULT_MAX_VERIFY_RUNS = 2;
/** Runs waiting for a free slot at most: past it a new one is a 503. */
export const MAX_QUEUED_VERIFY_RUNS = 20;
/** The time one run may take by default (`serve --verify-time-limit`): past it, it is stopped and reported. */
export const DEFAULT_VERIFY_TIME_LIMIT_MS = 5 * 60_000;

/** Bounds of the runs one server does. */
export interface VerifyLimits {
  maxRunning: number;
  maxQueued: number;
  timeLimitMs: number;
}

/** What the live stream says about a run: each change of state, each operation as it finishes. */
export interface VerifyEvent {
  id: string;
  state: VerifyState;
  integration: string;
  operation?: VerifyProgressLine;
  /** Once done: the report's verdict (`error` when the run produced none). */
  verdict?: string;
}

/** A run in the console's hands: its plan and progress, and once started its handle and time limit. */
interface HeldRun extends LiveRun {
  stop: AbortController;
  run?: VerifyRun;
  /** The notes of its state to a shared history, one after another (so the last one written is the last state). */
  noted: Promise<void>;
}

/** "mk1a2b3c4d" style: letters and digits only, since the id goes into the run's test order ids. */
function newRunId(): string {
  return `${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;
}

/**
 * The runs of verify started from the QA console: at most `maxRunning` at once and `maxQueued` waiting,
 * each stopped at its time limit, every change told to the live stream, and each finished run kept
 * in the history (bounded there, oldest first). Callbacks of the merchants come to the server's own
 * listener and are handed to the run whose test order they are about.
 */
export class VerifyRuns {
  private readonly held = new Map<string, HeldRun>();
  private readonly queue: HeldRun[] = [];
  private running = 0;
  private readonly listeners = new Set<(event: VerifyEvent) => void>();
  private readonly ending = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly service: VerifyService,
    readonly history: VerifyHistory,
    /** Where merchants call back: this server's callback path (`{public URL}/__verify/callbacks`). */
    readonly callbackUrl: string,
    readonly limits: VerifyLimits,
  ) {}

  /** Checks a config with the runner; a refusal is a 400 naming the config key. */
  prepare(config: unknown): VerifyPlan {
    const plan = this.service.prepare(config);
    if ('refused' in plan) throw new HttpProblem('bad-verify-config', plan.refused);
    return plan;
  }

  /** Queues a run of a prepared config and starts it when a slot is free; returns its id. */
  submit(plan: VerifyPlan, options: { noDestructive: boolean; lang: Lang }): string {
    if (this.running >= this.limits.maxRunning && this.queue.length >= this.limits.maxQueued)
      throw new HttpProblem(
        'too-many-verify-runs',
        said('admin.verifyQueueFull', { running: this.running, queued: this.queue.length }),
        { headers: { 'retry-after': '30' } },
      );
    const held: HeldRun = {
      id: newRunId(),
      plan,
      ...options,
      state: 'queued',
      createdAt: new Date().toISOString(),
      progress: [],
      stop: new AbortController(),
      noted: Promise.resolve(),
    };
    this.held.set(held.id, held);
    this.queue.push(held);
    this.publish(held);
    this.pump();
    return held.id;
  }

  /** A run's view: its state, and its report once done; undefined for an unknown id. */
  async view(id: string): Promise<RunView | undefined> {
    const held = this.held.get(id);
    if (held) return liveView(held);
    const record = await this.history.get(id);
    if (record) return { ...record, state: 'done' };
    // Queued or running on another replica sharing the history: its state and progress, no report yet.
    return (await this.history.elsewhere?.())?.find((run) => run.id === id);
  }

  /** Every run, newest first: those queued or running here, then on other replicas, then the history. */
  async list(): Promise<Record<string, unknown>[]> {
    const summary = (view: RunView): Record<string, unknown> => {
      const { config: _config, progress: _progress, report: _report, ...rest } = view;
      return rest;
    };
    const live = [...this.held.values()].map((held) => summary(liveView(held))).reverse();
    const seen = new Set(this.held.keys());
    const others = ((await this.history.elsewhere?.()) ?? []).filter((run) => !seen.has(run.id)).map(summary);
    const done = (await this.history.list())
      .filter((run) => !seen.has(run.id))
      .map((run) => ({ ...run, state: 'done' as const }));
    return [...live, ...others, ...done];
  }

  /** A kept JSON report as JUnit XML or as the runner's HTML page. */
  render(report: unknown, format: 'junit' | 'html'): string {
    return this.service.render(report, format);
  }

  /** How many runs are running and waiting now. */
  get counts(): { running: number; queued: number } {
    return { running: this.running, queued: this.queue.length };
  }

  /** Calls `listener` on every event from now on; returns the function that stops it. */
  subscribe(listener: (event: VerifyEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Hands a merchant's callback (`path` below the callback URL: /v2/orders/{id}/{action}) to the run
   * that made up the order id; with one run going, a callback about another id goes to it too (the
   * runner reports a callback about the wrong order). Otherwise a 404.
   */
  acceptCallback(req: IncomingMessage, res: ServerResponse, path: string): void {
    const raw = /^\/v2\/orders\/([^/?#]*)/.exec(path)?.[1] ?? '';
    let orderId = raw;
    try {
      orderId = decodeURIComponent(raw);
    } catch {
      // The receiver answers a malformed id itself (400).
    }
    const running = [...this.held.values()].filter((h): h is HeldRun & { run: VerifyRun } => h.run !== undefined);
    const owner = running.find((h) => h.run.owns(orderId)) ?? (running.length === 1 ? running[0] : undefined);
    if (!owner)
      throw new HttpProblem(
        'verify-run-not-found',
        said('admin.verifyNoRunForCallback', { id: JSON.stringify(orderId.slice(0, 80)) }),
      );
    owner.run.accept(req, res, path);
  }

  /** Stops every run (each ends with what it has) and drops the queue; resolves once they are kept. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) this.held.delete(waiting.id);
    for (const held of this.held.values()) held.stop.abort();
    await Promise.allSettled([...this.ending]);
  }

  private pump(): void {
    while (!this.closed && this.running < this.limits.maxRunning && this.queue.length > 0)
      this.start(this.queue.shift() as HeldRun);
  }

  private start(held: HeldRun): void {
    this.running += 1;
    held.state = 'running';
    held.startedAt = new Date().toISOString();
    const timer = setTimeout(() => held.stop.abort(), this.limits.timeLimitMs);
    this.publish(held);
    let done: Promise<VerifyReport>;
    try {
      held.run = this.service.start(held.plan, {
        runId: held.id,
        lang: held.lang,
        noDestructive: held.noDestructive,
        callbackUrl: this.callbackUrl,
        signal: held.stop.signal,
        onOperation: (line) => {
          held.progress.push(line);
          this.publish(held, { operation: line });
        },
      });
      done = held.run.done;
    } catch (error) {
      done = Promise.reject(error);
    }
    const ending = done
      .then(
        (report) => this.finish(held, report),
        (error: unknown) => this.finish(held, undefined, `the runner failed (${(error as Error)?.name ?? 'error'})`),
      )
      .finally(() => {
        clearTimeout(timer);
        this.running -= 1;
        this.ending.delete(ending);
        this.pump();
      });
    this.ending.add(ending);
  }

  private async finish(held: HeldRun, report: VerifyReport | undefined, problem?: string): Promise<void> {
    const record = finishedRecord(held, report, problem);
    // Kept before the run leaves `held`, so that it is never missing in between; after its last note.
    await held.noted;
    await this.history.add(record).catch(() => undefined);
    this.held.delete(held.id);
    held.state = 'done';
    this.publish(held, { verdict: record.verdict });
  }

  private publish(held: HeldRun, extra: Partial<VerifyEvent> = {}): void {
    const { track } = this.history;
    if (track !== undefined && held.state !== 'done') {
      const live = { ...liveView(held), state: held.state, report: null };
      held.noted = held.noted.then(() => track.call(this.history, live)).catch(() => undefined);
    }
    const event: VerifyEvent = { id: held.id, state: held.state, integration: held.plan.integration, ...extra };
    for (const listener of [...this.listeners]) listener(event);
  }
}
