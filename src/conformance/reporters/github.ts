import { countStatuses } from '../summarize';
import type { RunReport } from '../types';
import { indexRequests } from './requests';
import {
  causeName,
  consequenceLine,
  countsPhrase,
  findingLines,
  reportT,
  resultOf,
  summaryLine,
  verdictLine,
} from './wording';

// GitHub Actions' workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
/** A workflow command's message: %, CR and LF are encoded, so merchant text can never start a command of its own. */
const commandData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A workflow command's property value: the message's encoding, plus ':' and ','. */
const commandProperty = (text: string): string => commandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

const ANNOTATION_LIMITS = { maxChars: 300, maxAlso: 3 };

/**
 * One `::error` per cause that fails the run (a failure or a "could not check" of its own) and one
 * `::warning` per warning, titled with the operation and check id. Consequences are counted in their
 * cause's annotation, not annotated one by one (GitHub shows only the first ten of each kind).
 */
export function renderAnnotations(report: RunReport): string {
  const t = reportT(report);
  const lines = report.whatToFix.map((item) => {
    const result = resultOf(report, item);
    const body = [item.message];
    if (item.fix !== undefined) body.push(t('github.fix', { fix: item.fix }));
    for (const [label, value] of result ? findingLines(t, result, ANNOTATION_LIMITS) : [])
      body.push(`${label}: ${value}`);
    const then = consequenceLine(t, report, item);
    if (then) body.push(then);
    const kind = item.status === 'warn' ? 'warning' : 'error';
    const title = `${causeName(item)}${item.status === 'error' ? t('github.couldNotCheck') : ''}`;
    return `::${kind} title=${commandProperty(title)}::${commandData(body.join('\n'))}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * Markdown text: HTML and the inline markdown syntax are escaped, so a merchant's answer renders as
 * the text it is. Merchant text never starts a line here (each line opens with the kit's own words),
 * so the line-start syntax (lists, headings, quotes) needs no escape.
 */
function md(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}

/** A fenced block longer than any run of backticks in the text, so the text cannot close it. */
function fenced(text: string, info = ''): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

const SUMMARY_LIMITS = { maxChars: 500, maxAlso: 5 };

/**
 * The job summary appended to $GITHUB_STEP_SUMMARY: the verdict, what to fix, a line per operation,
 * each request once (folded) and the run's details.
 */
export function renderStepSummary(report: RunReport): string {
  const t = reportT(report);
  const m = report.meta;
  const out = [`## merchant-kit verify: ${md(report.target)}`, '', `**${md(verdictLine(report))}**`, ''];
  if (report.whatToFix.length > 0) {
    out.push(t('github.whatToFix'), '');
    report.whatToFix.forEach((item, index) => {
      const result = resultOf(report, item);
      const kind =
        item.status === 'warn' ? t('console.warning') : item.status === 'error' ? t('github.couldNotCheck') : '';
      out.push(`${index + 1}. **${md(item.operation)}** \`${item.check}\`${kind}: ${md(item.message)}`);
      if (item.fix !== undefined) out.push(`   - ${md(t('github.fix', { fix: item.fix }))}`);
      for (const [label, value] of result ? findingLines(t, result, SUMMARY_LIMITS) : [])
        out.push(`   - ${label}: ${md(value)}`);
      const then = consequenceLine(t, report, item);
      if (then) out.push(`   - ${md(then)}`);
    });
    out.push('');
  }
  out.push(t('github.table'), '|---|---|---|');
  for (const op of report.operations)
    out.push(`| ${op.operation} | ${op.status} | ${md(countsPhrase(t, countStatuses(op.checks)))} |`);
  out.push('');
  const requests = indexRequests(report).entries;
  if (requests.length > 0) {
    out.push(`<details><summary>${md(t('github.requests'))}</summary>`, '');
    for (const r of requests)
      out.push(
        t('github.request', { number: r.number, users: r.usedBy.map((u) => md(causeName(u))).join(', ') }),
        '',
        fenced(r.curl, 'sh'),
        '',
      );
    out.push('</details>', '');
  }
  out.push(
    t('github.footer', {
      runId: md(m.runId),
      startedAt: md(m.startedAt),
      seconds: (m.durationMs / 1000).toFixed(1),
      kit: md(m.kitVersion),
      contracts: md(m.contractVersion),
      node: md(m.node),
      summary: summaryLine(t, report.summary),
    }),
    '',
  );
  return `${out.join('\n')}\n`;
}
