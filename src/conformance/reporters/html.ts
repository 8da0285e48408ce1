import { networkCaveat } from '../network-report';
import type { CheckResult, RunReport } from '../types';
import { detailLines } from './console';

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}code,pre{font:12px/1.4 ui-monospace,monospace}
pre{background:#f5f5f7;padding:.5rem;white-space:pre-wrap;word-break:break-all;margin:.3rem 0 0}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
.badge{display:inline-block;border-radius:3px;padding:0 .4rem;font-weight:600;font-size:12px;color:#fff}
.pass{background:#1a7f37}.fail{background:#cf222e}.warn{background:#9a6700}.error{background:#8250df}.skip{background:#6e7781}`;

function row(check: CheckResult): string {
  const details = detailLines(check);
  const extra = details.length > 0 && check.status !== 'pass' ? `<pre>${escapeHtml(details.join('\n'))}</pre>` : '';
  return `<tr><td><span class="badge ${check.status}">${check.status}</span></td><td><code>${escapeHtml(check.id)}</code></td><td>${escapeHtml(check.message)}${extra}</td></tr>`;
}

/** One self-contained page (inline CSS, no scripts, no external assets) a merchant can send to OmniChat. */
export function renderHtml(report: RunReport): string {
  const s = report.summary;
  const caveat = networkCaveat(report);
  const sections = report.operations.map(
    (
      op,
    ) => `<h2><span class="badge ${op.status}">${op.status}</span> ${escapeHtml(op.operation)} <code>${escapeHtml(`${op.method} ${op.url}`)}</code></h2>
<table><thead><tr><th>status</th><th>check</th><th>result</th></tr></thead><tbody>
${op.checks.map(row).join('\n')}
</tbody></table>`,
  );
  const notes = report.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>merchant-kit verify: ${escapeHtml(report.target)}</title><style>${STYLE}</style></head>
<body><h1>merchant-kit verify: ${escapeHtml(report.target)}</h1>
<p>${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.errors} could not check, ${s.skipped} skipped${caveat ? `. <strong>${escapeHtml(caveat)}</strong>` : ''}</p>
${sections.join('\n')}
${notes}
</body></html>
`;
}
