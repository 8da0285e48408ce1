import { networkCaveat } from '../network-report';
import type { RunReport } from '../types';
import { HTML_STYLE } from './html-style';
import { badge, checkAnchor, escapeHtml, operationAnchor, operationSection } from './html-operations';
import { indexRequests, type RequestEntry } from './requests';
import { causeName, consequenceCounts, consequencePhrase, consequencePlaces, verdictLine } from './wording';

const VERDICT_WORD = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

/** The banner's text after the verdict word: the verdict line without its "FAIL: " start. */
const verdictDetail = (report: RunReport): string =>
  verdictLine({ ...report, network: undefined }).replace(/^[A-Z]+: /, '');

/** --insecure, stated in the banner itself: a pass without certificate checks is not a clean pass. */
function caveatHtml(report: RunReport): string {
  const caveat = networkCaveat(report);
  return caveat ? ` <strong>${escapeHtml(caveat)}</strong>` : '';
}

function header(report: RunReport): string {
  const m = report.meta;
  const seconds = (m.durationMs / 1000).toFixed(1);
  return `<header>
<p class="kicker">merchant-kit verify</p>
<h1>${escapeHtml(report.target)}</h1>
<p class="banner ${report.verdict}"><strong>${VERDICT_WORD[report.verdict]}</strong> <span>${escapeHtml(verdictDetail(report))}</span>${caveatHtml(report)}</p>
<p class="meta">Run ${escapeHtml(m.runId)} · started ${escapeHtml(m.startedAt)} · ${seconds} s · merchant-kit ${escapeHtml(m.kitVersion)} · contracts ${escapeHtml(m.contractVersion)}</p>
</header>`;
}

/** The numbered "what to fix" list, each cause linked to its finding. */
function fixes(report: RunReport): string {
  if (report.whatToFix.length === 0) return '';
  const items = report.whatToFix.map((item) => {
    const then = consequencePhrase(consequenceCounts(report, item));
    const link = `<a href="#${checkAnchor(item.operation, item.check)}">${escapeHtml(item.operation)} <code class="id">${escapeHtml(item.check)}</code></a>`;
    return [
      `<li>${badge(item.status)} ${link}: ${escapeHtml(item.message)}`,
      item.fix !== undefined ? `<p class="how"><strong>Fix:</strong> ${escapeHtml(item.fix)}</p>` : '',
      then ? `<p class="then">${escapeHtml(`${then}: ${consequencePlaces(item)}`)}</p>` : '',
      '</li>',
    ].join('');
  });
  return `<section id="what-to-fix" aria-labelledby="what-to-fix-title">
<h2 id="what-to-fix-title">What to fix</h2>
<ol class="fixes">${items.join('\n')}</ol>
</section>`;
}

/** The table of contents: each operation, the causes found in it, then the requests and the run's details. */
function contents(report: RunReport, requests: RequestEntry[]): string {
  const operations = report.operations.map((op) => {
    const causes = op.checks.filter((c) => !c.causedBy && c.status !== 'pass' && c.status !== 'skip');
    const sub = causes
      .map(
        (c) =>
          `<li><a href="#${checkAnchor(op.operation, c.id)}">${escapeHtml(c.status)}: <code class="id">${escapeHtml(c.id)}</code></a></li>`,
      )
      .join('');
    return `<li><a href="#${operationAnchor(op.operation)}">${escapeHtml(op.operation)}</a> ${badge(op.status)}${sub ? `<ul>${sub}</ul>` : ''}</li>`;
  });
  if (requests.length > 0) operations.push('<li><a href="#requests">Requests to repeat</a></li>');
  operations.push('<li><a href="#about">About this run</a></li>');
  return `<nav aria-labelledby="contents-title"><h2 id="contents-title">Contents</h2><ol>${operations.join('')}</ol></nav>`;
}

/** The requests, each once; a long one scrolls inside its box, which the keyboard can reach (tabindex). */
function requestsSection(requests: RequestEntry[]): string {
  if (requests.length === 0) return '';
  const blocks = requests.map(
    (r) =>
      `<div id="request-${r.number}"><h3>Request ${r.number}</h3><p class="used">Used by ${r.usedBy
        .map((u) => `<a href="#${checkAnchor(u.operation, u.check)}">${escapeHtml(causeName(u))}</a>`)
        .join(', ')}</p><pre tabindex="0"><code>${escapeHtml(r.curl)}</code></pre></div>`,
  );
  return `<section id="requests" aria-labelledby="requests-title">
<h2 id="requests-title">Requests to repeat</h2>
<p>Each request is shown once. Secrets are masked (***): put your own values back before you run one.</p>
${blocks.join('\n')}
</section>`;
}

function about(report: RunReport): string {
  const m = report.meta;
  const rows: [string, string][] = [
    ['Target', m.target],
    ['Run id', m.runId],
    ['Started', m.startedAt],
    ['Duration', `${(m.durationMs / 1000).toFixed(1)} s`],
    ['merchant-kit', m.kitVersion],
    ['Contracts', m.contractVersion],
    ['Node.js', m.node],
    ...Object.entries(m.urls).map(([op, url]): [string, string] => [op, url]),
  ];
  const notes = report.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('');
  return `<section id="about" aria-labelledby="about-title">
<h2 id="about-title">About this run</h2>
<dl class="about">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
${notes}
<p class="meta">Summary: ${report.summary.passed} passed, ${report.summary.failed} failed, ${report.summary.warnings} warnings, ${report.summary.errors} could not check, ${report.summary.skipped} skipped.</p>
</section>`;
}

/**
 * One self-contained page (inline CSS, no scripts, no external assets) a merchant can read and
 * send to OmniChat: the verdict and what to fix first, a table of contents, each operation with
 * its causes open and everything else folded, each request once, and the run's details.
 */
export function renderHtml(report: RunReport): string {
  const requests = indexRequests(report);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${VERDICT_WORD[report.verdict]}: merchant-kit verify: ${report.target}`)}</title><style>${HTML_STYLE}</style></head>
<body>
${header(report)}
<main>
${fixes(report)}
${contents(report, requests.entries)}
${report.operations.map((op) => operationSection(report, op, requests.numberOf)).join('\n')}
${requestsSection(requests.entries)}
${about(report)}
</main>
</body></html>
`;
}
