import type { FieldCoverage, OperationReport } from '../types';
import { escapeMarkup } from '../../common/markup';
import { en, type T } from '../i18n';

// The coverage texts are the runner's own (field names, counts, fixed sentences): nothing a merchant
// sent reaches them, but they are escaped like everything else on a page.

/** A text without placeholders, by a key built at run time (a unit, a field name). */
type PlainKey = { [K in keyof typeof en]: (typeof en)[K] extends `${string}{${string}` ? never : K }[keyof typeof en];
/** A catalogue text when the catalogue has one under this key ("coverage.unit.variants"), else the value as counted. */
const said = (t: T, key: string, otherwise: string): string => (key in en ? t(key as PlainKey) : otherwise);

/** "100%", or "wrong type" when the field is sent but never with the contract's type (not 0%: it is there). */
const rate = (t: T, c: FieldCoverage): string =>
  c.filled === 0 && c.wrongType > 0 ? t('coverage.wrongTypeRate') : `${Math.round((100 * c.filled) / c.seen)}%`;

/** The field as the reports name it: a contract name, its scope in the run's language ("entradas ERROR: message"). */
const fieldName = (t: T, c: FieldCoverage): string => said(t, `coverage.field.${c.field}`, c.field);

/** "12 of 24 variants", and how many send it with the wrong type. */
function share(t: T, c: FieldCoverage): string {
  const unit = said(t, `coverage.unit.${c.unit}`, c.unit);
  const filled = t('coverage.share', { filled: c.filled, seen: c.seen, unit });
  return c.wrongType > 0 ? t('coverage.withWrongType', { share: filled, count: c.wrongType }) : filled;
}

/** One field's coverage as a line of text: rate, field, share, what OmniChat does with it. */
const coverageLine = (t: T, c: FieldCoverage): string =>
  `${rate(t, c).padStart(4)} ${fieldName(t, c)} (${share(t, c)}): ${c.what}`;

/** Console lines for an operation's field coverage (none when it has none): share, field, what OmniChat does with it. */
export function coverageLines(t: T, op: OperationReport): string[] {
  if (!op.coverage || op.coverage.length === 0) return [];
  return [`  ${t('coverage.heading')}`, ...op.coverage.map((c) => `    ${coverageLine(t, c)}`)];
}

/**
 * An operation's field coverage for the HTML report ('' when it has none): a folded list, like the
 * passing checks, so it informs without pushing the findings down the page.
 */
export function coverageHtml(t: T, op: OperationReport): string {
  if (!op.coverage || op.coverage.length === 0) return '';
  const items = op.coverage.map(
    (c) =>
      `<li><strong>${escapeMarkup(rate(t, c))}</strong> <code class="id">${escapeMarkup(fieldName(t, c))}</code> (${escapeMarkup(share(t, c))})<span class="why">${escapeMarkup(c.what)}</span></li>`,
  );
  return `<details class="coverage"><summary>${escapeMarkup(t('coverage.htmlHeading', { operation: op.operation }))}</summary>
<ul class="checks">${items.join('')}</ul></details>`;
}
