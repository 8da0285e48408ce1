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

/** An HTML table of an operation's field coverage ('' when it has none). */
export function coverageHtml(op: OperationReport): string {
  if (!op.coverage || op.coverage.length === 0) return '';
  const rows = op.coverage.map(
    (c) =>
      `<tr><td>${percent(c)}</td><td><code>${escapeMarkup(c.field)}</code></td><td>${escapeMarkup(share(c))}</td><td>${escapeMarkup(c.what)}</td></tr>`,
  );
  // Field names are long single words: they may break anywhere, so that the table fits a phone's width.
  return `<table style="overflow-wrap:anywhere"><caption>Field coverage of ${escapeMarkup(op.operation)}: optional fields you fill (informs, never fails)</caption>
<thead><tr><th>filled</th><th>field</th><th>of</th><th>what OmniChat does with it</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

/** A JUnit `<system-out>` of an operation's field coverage, for a testsuite (none when it has none). */
export function coverageJunit(op: OperationReport): string[] {
  const lines = coverageLines(op);
  if (lines.length === 0) return [];
  return [`    <system-out>${escapeMarkup(lines.map((l) => l.trim()).join('\n'))}</system-out>`];
}
