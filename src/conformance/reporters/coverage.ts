import type { FieldCoverage, OperationReport } from '../types';

// The coverage texts are the runner's own (field names, counts, fixed sentences): nothing a merchant
// sent reaches them, but they are escaped like everything else on a page.
const escapeMarkup = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const percent = (c: FieldCoverage): string => `${Math.round((100 * c.filled) / c.seen)}%`;
const share = (c: FieldCoverage): string => `${c.filled} of ${c.seen} ${c.unit}`;

/** Console lines for an operation's field coverage (none when it has none): share, field, what OmniChat does with it. */
export function coverageLines(op: OperationReport): string[] {
  if (!op.coverage || op.coverage.length === 0) return [];
  return [
    '  field coverage (optional fields you fill; informs, never fails):',
    ...op.coverage.map((c) => `    ${percent(c).padStart(4)} ${c.field} (${share(c)}): ${c.what}`),
  ];
}

/**
 * An operation's field coverage for the HTML report ('' when it has none): a folded list, like the
 * passing checks, so it informs without pushing the findings down the page.
 */
export function coverageHtml(op: OperationReport): string {
  if (!op.coverage || op.coverage.length === 0) return '';
  const items = op.coverage.map(
    (c) =>
      `<li><strong>${percent(c)}</strong> <code class="id">${escapeMarkup(c.field)}</code> (${escapeMarkup(share(c))})<span class="why">${escapeMarkup(c.what)}</span></li>`,
  );
  return `<details class="coverage"><summary>Field coverage of ${escapeMarkup(op.operation)}: optional fields you fill (informs, never fails)</summary>
<ul class="checks">${items.join('')}</ul></details>`;
}

/** A JUnit `<system-out>` of an operation's field coverage, for a testsuite (none when it has none). */
export function coverageJunit(op: OperationReport): string[] {
  const lines = coverageLines(op);
  if (lines.length === 0) return [];
  return [`    <system-out>${escapeMarkup(lines.map((l) => l.trim()).join('\n'))}</system-out>`];
}
