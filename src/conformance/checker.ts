import { bodyProblem, type Exchange } from './exchange';

/** A checker entry as the runner reads it (only what it needs). */
export type Entry = Record<string, unknown>;

/** The checker entries of an orderValidation answer, or why they cannot be judged. */
export function entriesOf(ex: Exchange): { entries: Entry[] } | { problem: string } {
  const problem = bodyProblem(ex);
  if (problem) return { problem };
  if (!ex.json || !Array.isArray(ex.json.value))
    return { problem: 'the answer is not a JSON array; see response-contract' };
  return { entries: ex.json.value.filter((e): e is Entry => e !== null && typeof e === 'object' && !Array.isArray(e)) };
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
