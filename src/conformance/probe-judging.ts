import { cartProbes, primaryProbe, type CartProbe, type CartProbes } from './cart-probes';
import { describeEntries, entriesOf, erroredLines, errorsOf, primaryEntries, type Entry } from './checker-entries';
import type { RunContext } from './context';
import type { Exchange } from './exchange';
import { couldNotCheck, fail, notJudged, pass, type Verdict } from './outcome';
import { none, ok, type Result } from './result';
import type { ProbeFinding } from './types';
import type { T } from './i18n';

/** What a cart probe check judges: the run's probes, and the entries of the first (one-unit) cart. */
type ProbesToJudge = { ok: true; probes: CartProbes; first: Entry[] } | { ok: false; verdict: Verdict };

/**
 * The cart probes, or the verdict when a probe check cannot judge them. The first cart's entries
 * come first: when they cannot be read, answers-2xx, json-body or response-contract already say why
 * (the verdict points there, with the first request), and the probes would only repeat it.
 */
export async function probesToJudge(ctx: RunContext, primary: Exchange): Promise<ProbesToJudge> {
  const first = primaryEntries(ctx.t, primary);
  if (!first.ok) return { ok: false, verdict: notJudged(first, primary) };
  const probes = await cartProbes(ctx);
  if (!probes.ok) return { ok: false, verdict: notJudged(probes) };
  return { ok: true, probes: probes.value, first: first.value };
}

/**
 * "Could not check" for a check whose refusal means nothing unless the same run's carts within stock
 * were accepted (a checker that answers ERROR to every cart refuses the bad ones too): undefined when
 * they were. A cart that got no answer is no evidence either way.
 */
export function unlessInStockAccepted(ctx: RunContext, primary: Exchange, probes: CartProbes): Verdict | undefined {
  if (!ctx.pick.ok) return undefined;
  const carts = [primaryProbe(ctx.t, ctx.pick.value, primary), ...probes.inStock];
  if (!carts.some((probe) => wentWrong(ctx.t, probe, []))) return undefined;
  return couldNotCheck(ctx.t('cart.refusesInStock'), undefined, {
    operation: 'orderValidation',
    check: 'cart-in-stock-ok',
  });
}

/** True when one of the carts that must be refused (no such variant, beyond stock) got an ERROR entry: the checker can say no. */
export function refusesSomething(t: T, probes: CartProbes): boolean {
  const bad = [
    probes.unknownVariant,
    ...(probes.overStock.ok ? [probes.overStock.value] : []),
    ...(probes.zeroStock.ok ? [probes.zeroStock.value] : []),
  ];
  return bad.some((probe) => {
    const entries = entriesOf(t, probe.exchange);
    return entries.ok && errorsOf(entries.value).length > 0;
  });
}

/** "cart [line mk-test-line-1: 2 x CAM-AZUL-P (stock 5)]", for probe findings. */
export function describeCart(t: T, probe: CartProbe): string {
  const lines = probe.lines.map((l) => {
    const said = { line: l.lineId, quantity: l.quantity, variant: l.variantId, known: l.known };
    return probe.lines.length > 1 ? t('cart.line', said) : t('cart.single', said);
  });
  return t('cart.cart', { lines: lines.join('; ') });
}

/**
 * Judges a probe: `errorOn` lists the lines that must get an ERROR entry and no other line may get
 * one (in a one-line cart any ERROR counts for its line: component-ids judges the ids). The value is
 * what went wrong, or undefined when the probe passed; no value when it got no answer at all.
 */
function judgeProbe(t: T, probe: CartProbe, errorOn: string[]): Result<ProbeFinding | undefined> {
  const ex = probe.exchange;
  const cart = describeCart(t, probe);
  if (!ex.answer.ok) return none(t('cart.noAnswerTo', { cart, reason: ex.answer.reason }));
  const expected =
    errorOn.length === 0
      ? t('cart.noError')
      : probe.lines.length === 1
        ? t('cart.errorForLine')
        : t('cart.errorsOn', { lines: errorOn.join(', ') });
  const entries = entriesOf(t, ex);
  if (!entries.ok)
    return ok({ probe: cart, expected: t('search.http200With', { expected }), received: entries.reason });
  const wrong = { probe: cart, expected, received: describeEntries(t, entries.value) };
  if (probe.lines.length === 1) {
    const refused = errorsOf(entries.value).length > 0;
    return ok(refused === errorOn.length > 0 ? undefined : wrong);
  }
  const errored = [...new Set(erroredLines(entries.value))].sort();
  const wanted = [...errorOn].sort();
  return ok(errored.join() === wanted.join() ? undefined : wrong);
}

/** True when the probe was answered and went wrong (a probe without an answer is no finding). */
export function wentWrong(t: T, probe: CartProbe, errorOn: string[]): boolean {
  const judged = judgeProbe(t, probe, errorOn);
  return judged.ok && judged.value !== undefined;
}

/** One line per finding, for a check's details. */
const findingLine = (t: T, f: ProbeFinding): string =>
  t('cart.finding', { probe: f.probe, expected: f.expected, received: f.received });

/** A probe that went wrong, and the request that shows it. */
export interface WrongProbe {
  finding: ProbeFinding;
  exchange: Exchange;
}

/** How judgeCarts words its verdict: whole sentences from the check that owns them. */
interface CartWording {
  passed: string;
  /** The failure message, given how many carts went wrong out of how many. */
  failed: (wrong: number, total: number) => string;
}

/**
 * Judges carts that each must get ERROR entries on exactly `errorOn` of its lines: passes when all
 * do, fails listing every probe that went wrong (cart, expected, received), and cannot check when one
 * got no answer at all.
 */
export function judgeCarts(t: T, carts: { probe: CartProbe; errorOn: string[] }[], wording: CartWording): Verdict {
  const wrong: WrongProbe[] = [];
  for (const { probe, errorOn } of carts) {
    const judged = judgeProbe(t, probe, errorOn);
    if (!judged.ok) return couldNotCheck(judged.reason, probe.exchange);
    if (judged.value) wrong.push({ finding: judged.value, exchange: probe.exchange });
  }
  if (wrong.length === 0) return pass(wording.passed);
  return failProbes(t, wording.failed(wrong.length, carts.length), wrong);
}

/**
 * The failure of a check that probes a rule several ways: the first probe that went wrong as its
 * received, expected and curl line, and every one of them as details and probes, so that every check
 * that probes (the carts, search paging) reports its findings alike.
 */
export function failProbes(t: T, message: string, wrong: WrongProbe[]): Verdict {
  const [head] = wrong;
  return fail(message, {
    received: head.finding.received,
    expected: head.finding.expected,
    details: wrong.map((w) => findingLine(t, w.finding)),
    probes: wrong.map((w) => w.finding),
    exchange: head.exchange,
  });
}
