import type { FieldCoverage, OperationReport } from '../types';
import { escapeMarkup } from '../../common/markup';
import { en, type T } from '../i18n';

// The coverage texts are the runner's own (field names, counts, fixed sentences): nothing a merchant
// sent reaches them, but they are escaped like everything else on a page.

const percent = (c: FieldCoverage): string => `${Math.round((100 * c.filled) / c.seen)}%`;
const share = (t: T, c: FieldCoverage): string => {
  // A unit the catalogue has ("coverage.unit.variants") is said in the run's language; any other as counted.
  const key = `coverage.unit.${c.unit}`;
  const unit = key in en ? t(key as Extract<keyof typeof en, `coverage.unit.${string}`>) : c.unit;
  return t('coverage.share', { filled: c.filled, seen: c.seen, unit });
};

/** Console lines for an operation's field coverage (none when it has none): share, field, what OmniChat does with it. */
export function coverageLines(t: T, op: OperationReport): string[] {
  if (!op.coverage || op.coverage.length === 0) return [];
  return [
    `  ${t('coverage.heading')}`,
    ...op.coverage.map((c) => `    ${percent(c).padStart(4)} ${c.field} (${share(t, c)}): ${c.what}`),
  ];
}

/**
 * An operation's field coverage for the HTML report ('' when it has none): a folded list, like the
 * passing checks, so it informs without pushing the findings down the page.
 */
export function coverageHtml(t: T, op: OperationReport): string {
  if (!op.coverage || op.coverage.length === 0) return '';
  const items = op.coverage.map(
    (c) =>
      `<li><strong>${percent(c)}</strong> <code class="id">${escapeMarkup(c.field)}</code> (${escapeMarkup(share(t, c))})<span class="why">${escapeMarkup(c.what)}</span></li>`,
  );
  return `<details class="coverage"><summary>${escapeMarkup(t('coverage.htmlHeading', { operation: op.operation }))}</summary>
<ul class="checks">${items.join('')}</ul></details>`;
}
