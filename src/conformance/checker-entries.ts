import type { Exchange } from './exchange';
import type { T } from './i18n';
import type { Result } from './result';
import { jsonArray, primaryArray } from './search';

/** A checker entry as the runner reads it (only what it needs). */
export type Entry = Record<string, unknown>;

/** The checker entries of the first orderValidation answer, or why they cannot be read (naming the check that says why). */
export function primaryEntries(t: T, primary: Exchange): Result<Entry[]> {
  return primaryArray(t, primary, 'orderValidation');
}

/** The checker entries of any other orderValidation answer, or a preview of what came instead. */
export function entriesOf(t: T, ex: Exchange): Result<Entry[]> {
  return jsonArray(t, ex);
}

/** The cart line ids (items[].objectId) of the order a request sent. */
export function lineIdsOf(ex: Exchange): string[] {
  try {
    const order = JSON.parse(ex.request.body ?? '{}') as { items?: { objectId?: unknown }[] };
    return (order.items ?? []).map((item) => String(item.objectId));
  } catch {
    return [];
  }
}

/** ERROR entries: the lines (or the order) OmniChat will not let the seller sell. */
export const errorsOf = (entries: Entry[]): Entry[] => entries.filter((e) => e.action === 'ERROR');

/** The lines ERROR entries name (componentId of ERROR entries about an ITEM, or with no component). */
export function erroredLines(entries: Entry[]): string[] {
  return errorsOf(entries)
    .filter((e) => e.component === undefined || e.component === 'ITEM')
    .map((e) => String(e.componentId));
}

/** The lines that got freight options (an entry naming the line with a non-empty shippingOptions array). */
export function quotedLines(entries: Entry[]): string[] {
  return entries
    .filter((e) => Array.isArray(e.shippingOptions) && e.shippingOptions.length > 0)
    .map((e) => String(e.componentId));
}

/** A short description of an entry for received/expected lines. */
export function describeEntry(entry: Entry): string {
  const text = JSON.stringify({
    action: entry.action,
    component: entry.component,
    componentId: entry.componentId,
    message: entry.message,
  });
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

/** What a checker answer says, in one bounded line: "[]" or each entry's action and line. */
export function describeEntries(t: T, entries: Entry[]): string {
  if (entries.length === 0) return t('cart.noEntries');
  const shown = entries
    .slice(0, 6)
    .map((e) => {
      const message = typeof e.message === 'string' ? ` ${JSON.stringify(e.message.slice(0, 60))}` : '';
      return t('cart.entryOn', { action: String(e.action), component: JSON.stringify(e.componentId), message });
    })
    .join('; ');
  return entries.length > 6 ? t('cart.andMore', { entries: shown, count: entries.length - 6 }) : shown;
}

/** Probe answers are kept for the whole operation: at most this many entries each. */
const KEPT_ENTRIES = 500;
const KEPT_OPTIONS = 50;
const pick = (from: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(keys.filter((k) => k in from).map((k) => [k, from[k]]));

/**
 * The exchange with its checker entries cut down to what the checks and the coverage read (action,
 * component, componentId, message, freight), bounded in number: a merchant answering megabytes to
 * every cart must not make the run hold them all.
 */
export function keepEntries(ex: Exchange): Exchange {
  if (!ex.json) return ex;
  if (!Array.isArray(ex.json.value)) return { ...ex, json: { value: null } };
  const entries = ex.json.value
    .slice(0, KEPT_ENTRIES)
    .filter((e): e is Entry => e !== null && typeof e === 'object' && !Array.isArray(e))
    .map((e) => {
      const kept = pick(e, ['action', 'component', 'componentId', 'shippingMethod']);
      if (typeof e.message === 'string') kept.message = e.message.slice(0, 200);
      if (Array.isArray(e.shippingOptions))
        kept.shippingOptions = e.shippingOptions
          .slice(0, KEPT_OPTIONS)
          .map((o: unknown) =>
            o !== null && typeof o === 'object'
              ? pick(o as Record<string, unknown>, [
                  'id',
                  'name',
                  'price',
                  'listPrice',
                  'tax',
                  'deliveryChannel',
                  'shippingEstimate',
                ])
              : o,
          );
      return kept;
    });
  return { ...ex, json: { value: entries } };
}
