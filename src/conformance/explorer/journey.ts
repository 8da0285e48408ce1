import type { OperationId } from '../../contracts';
import type { RunContext } from '../context';
import { describeAnswer, type Exchange } from '../exchange';
import { toCurl } from '../http/curl';
import type { Cause } from '../result';
import type { Budget } from './budget';

/** The explorer's checks, one per rule of the model (docs/verify.md, the explorer). */
export type ExploredCheck =
  | 'explored-text-search'
  | 'explored-lookups'
  | 'explored-paging'
  | 'explored-carts'
  | 'explored-stock'
  | 'explored-answers'
  | 'explored-callbacks';

/** One request of a journey, as a finding shows it. */
export interface Step {
  operation: OperationId;
  request: Exchange['request'];
  /** What was sent and what came back, in a line. */
  summary: string;
}

/** What breaking a rule of the model looks like: said first in a finding, cause first. */
export interface BreachDetail {
  check: ExploredCheck;
  /** The operation whose answer broke the model. */
  operation: OperationId;
  message: string;
  expected: string;
  received: string;
  /**
   * The checks whose rule this breach repeats in its shortest form (answers-2xx for a refused call,
   * stock-checked for a line beyond stock that got no ERROR, ...): when one of them failed, the
   * finding follows from it and is reported as such.
   */
  sameRuleAs: Cause[];
  /** A fix more precise than the check's own, when the breach says what to change. */
  fix?: string;
}

/** Thrown by a command when the merchant's answer breaks the model: fast-check then shrinks the journey. */
export class Breach extends Error {
  constructor(readonly detail: BreachDetail) {
    super(detail.message);
  }
}

/** Why a lane stopped exploring, and the check that reports the root cause when another one does. */
export interface Stop {
  reason: string;
  causedBy?: Cause;
}

/** What a lane shares with its journeys: the run, its budget, and whether it had to stop. */
export interface LaneContext {
  readonly ctx: RunContext;
  readonly budget: Budget;
  /** Why the lane stopped exploring (a request got no answer); commands then stand still. */
  stopped?: Stop;
  /** Stops the lane (the first reason stays). */
  stop(reason: string, causedBy?: Cause): void;
  /** Rules already found broken in this lane: not asserted again, so the lane looks for others. */
  readonly disabled: Set<ExploredCheck>;
  /** How often each rule was put to the test, by "check/operation" (the evidence a pass states). */
  readonly tested: Map<string, number>;
}

/** The real side of a journey (fast-check's `real`): it sends the requests and keeps them as steps. */
export class Journey {
  readonly steps: Step[] = [];

  constructor(readonly lane: LaneContext) {}

  /** True when `calls` more fit in the lane's budget and the lane goes on. */
  affords(calls: number): boolean {
    return this.lane.stopped === undefined && this.lane.budget.allows(calls);
  }

  /**
   * Sends one request (behind the checks' own) and keeps it as a step summarised by `summary`; an
   * answer that never came stops the lane (nothing can be judged on it) and gives undefined.
   */
  async send(
    operation: OperationId,
    spec: { query?: Record<string, string>; body?: unknown },
    summary: (ex: Exchange) => string,
    fromReserve = false,
  ): Promise<Exchange | undefined> {
    this.lane.budget.spend(fromReserve);
    const ex = await this.lane.ctx.call(operation, spec, { explorer: true });
    this.steps.push({ operation, request: ex.request, summary: summary(ex) });
    if (!ex.answer.ok) {
      this.lane.stop(ex.answer.reason);
      return undefined;
    }
    return ex;
  }

  /**
   * Counts one test of a rule for the operations whose answers it judges; false when the rule was
   * already found broken (then it is not asserted again).
   */
  tests(check: ExploredCheck, operations: OperationId | Iterable<OperationId>): boolean {
    if (this.lane.disabled.has(check)) return false;
    for (const operation of typeof operations === 'string' ? [operations] : operations) {
      const key = `${check}/${operation}`;
      this.lane.tested.set(key, (this.lane.tested.get(key) ?? 0) + 1);
    }
    return true;
  }
}

/** The answer's status for a step line: "HTTP 200", "HTTP 500". */
export const answered = (ctx: RunContext, ex: Exchange): string => describeAnswer(ctx.t, ex);

/** The steps of a journey as curl lines, numbered from 1, for a finding's journey. */
export function numberedSteps(
  steps: Step[],
): { step: number; operation: OperationId; summary: string; curl: string }[] {
  return steps.map((s, i) => ({ step: i + 1, operation: s.operation, summary: s.summary, curl: toCurl(s.request) }));
}
