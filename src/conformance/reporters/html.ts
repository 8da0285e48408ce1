import { networkCaveat } from '../network-report';
import type { RunReport } from '../types';
import { HTML_STYLE } from './html-style';
import { escapeMarkup as escapeHtml } from '../../common/markup';
import { badge, checkAnchor, operationAnchor, operationSection } from './html-operations';
import { indexRequests, type RequestEntry } from './requests';
import type { T } from '../i18n';
import { isOwnFinding } from '../what-to-fix';
import { causeName, consequenceLine, reportT, summaryLine, verdictDetail } from './wording';

/** The verdict word in the report's language: PASS, FAIL or SKIP. */
const verdictWord = (t: T, report: RunReport): string => t(`verdict.word.${report.verdict}`);

/** --insecure, stated in the banner itself: a pass without certificate checks is not a clean pass. */
function caveatHtml(t: T, report: RunReport): string {
  const caveat = networkCaveat(t, report);
  return caveat ? ` <strong>${escapeHtml(caveat)}</strong>` : '';
}

function header(t: T, report: RunReport): string {
  const m = report.meta;
  const seconds = (m.durationMs / 1000).toFixed(1);
  const meta = t('html.meta', {
    runId: m.runId,
    startedAt: m.startedAt,
    seconds,
    kit: m.kitVersion,
    contracts: m.contractVersion,
  });
  return `<header>
<p class="kicker">merchant-kit verify</p>
<h1>${escapeHtml(report.target)}</h1>
<p class="banner ${report.verdict}"><strong>${escapeHtml(verdictWord(t, report))}</strong> <span>${escapeHtml(verdictDetail(report))}</span>${caveatHtml(t, report)}</p>
<p class="meta">${escapeHtml(meta)}</p>
</header>`;
}

/** The numbered "what to fix" list, each cause linked to its finding. */
function fixes(t: T, report: RunReport): string {
  if (report.whatToFix.length === 0) return '';
  const items = report.whatToFix.map((item) => {
    const then = consequenceLine(t, report, item);
    const link = `<a href="#${checkAnchor(item.operation, item.check)}">${escapeHtml(item.operation)} <code class="id">${escapeHtml(item.check)}</code></a>`;
    return [
      `<li>${badge(item.status)} ${link}: ${escapeHtml(item.message)}`,
      item.fix !== undefined ? `<p class="how"><strong>${t('html.fix')}</strong> ${escapeHtml(item.fix)}</p>` : '',
      then ? `<p class="then">${escapeHtml(then)}</p>` : '',
      '</li>',
    ].join('');
  });
  return `<section id="what-to-fix" aria-labelledby="what-to-fix-title">
<h2 id="what-to-fix-title">${t('html.whatToFix')}</h2>
<ol class="fixes">${items.join('\n')}</ol>
</section>`;
}

/** The table of contents: each operation, the causes found in it, then the requests and the run's details. */
function contents(t: T, report: RunReport, requests: RequestEntry[]): string {
  const operations = report.operations.map((op) => {
    const sub = op.checks
      .filter(isOwnFinding)
      .map(
        (c) =>
          `<li><a href="#${checkAnchor(op.operation, c.id)}">${escapeHtml(c.status)}: <code class="id">${escapeHtml(c.id)}</code></a></li>`,
      )
      .join('');
    return `<li><a href="#${operationAnchor(op.operation)}">${escapeHtml(op.operation)}</a> ${badge(op.status)}${sub ? `<ul>${sub}</ul>` : ''}</li>`;
  });
  if (requests.length > 0) operations.push(`<li><a href="#requests">${t('html.requests')}</a></li>`);
  operations.push(`<li><a href="#about">${t('html.about')}</a></li>`);
  return `<nav aria-labelledby="contents-title"><h2 id="contents-title">${t('html.contents')}</h2><ol>${operations.join('')}</ol></nav>`;
}

/** The requests, each once; a long one scrolls inside its box, which the keyboard can reach (tabindex). */
function requestsSection(t: T, requests: RequestEntry[]): string {
  if (requests.length === 0) return '';
  const blocks = requests.map(
    (r) =>
      `<div id="request-${r.number}"><h3>${t('html.request', { number: r.number })}</h3><p class="used">${t('html.usedBy')} ${r.usedBy
        .map((u) => `<a href="#${checkAnchor(u.operation, u.check)}">${escapeHtml(causeName(u))}</a>`)
        .join(', ')}</p><pre tabindex="0"><code>${escapeHtml(r.curl)}</code></pre></div>`,
  );
  return `<section id="requests" aria-labelledby="requests-title">
<h2 id="requests-title">${t('html.requests')}</h2>
<p>${escapeHtml(t('html.requestsIntro'))}</p>
${blocks.join('\n')}
</section>`;
}

function about(t: T, report: RunReport): string {
  const m = report.meta;
  const rows: [string, string][] = [
    [t('html.target'), m.target],
    [t('html.runId'), m.runId],
    [t('html.started'), m.startedAt],
    [t('html.duration'), t('html.seconds', { seconds: (m.durationMs / 1000).toFixed(1) })],
    ['merchant-kit', m.kitVersion],
    [t('html.contracts'), m.contractVersion],
    ['Node.js', m.node],
    ...Object.entries(m.urls).map(([op, url]): [string, string] => [op, url]),
  ];
  const notes = report.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('');
  return `<section id="about" aria-labelledby="about-title">
<h2 id="about-title">${t('html.about')}</h2>
<dl class="about">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
${notes}
<p class="meta">${escapeHtml(t('html.summary', { summary: summaryLine(t, report.summary) }))}</p>
</section>`;
}

/**
 * One self-contained page (inline CSS, no scripts, no external assets) a merchant can read and
 * send to OmniChat: the verdict and what to fix first, a table of contents, each operation with
 * its causes open and everything else folded, each request once, and the run's details.
 */
export function renderHtml(report: RunReport): string {
  const t = reportT(report);
  const requests = indexRequests(report);
  return `<!doctype html>
<html lang="${t.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('html.title', { verdict: verdictWord(t, report), target: report.target }))}</title><style>${HTML_STYLE}</style></head>
<body>
${header(t, report)}
<main>
${fixes(t, report)}
${contents(t, report, requests.entries)}
${report.operations.map((op) => operationSection(report, op, requests.numberOf)).join('\n')}
${requestsSection(t, requests.entries)}
${about(t, report)}
</main>
</body></html>
`;
}
