import type { NextFunction, Request, Response, Router } from 'express';
import { langFromAcceptLanguage, parseLang, type Lang } from '../../../common/i18n';
import { HttpProblem } from '../../errors/problems';
import { said } from '../../i18n';
import { readJsonBody } from '../json-body';
import { runChanges } from '../verify-records';
import type { VerifyRuns } from '../verify-runs';
import type { VerifyRunRecord } from '../../store/verify-history';
import { sendJsonText } from './respond';

/** Who may start runs: with no admin token, only a client on this machine (see verifyGate). */
export interface VerifyAccess {
  adminToken?: string;
  /** `serve --public-url`: a public URL that is not loopback means clients come from elsewhere. */
  publicUrl?: string;
}

const BODY_KEYS = ['config', 'noDestructive', 'lang'];
const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/i;

/** The downloads of a finished run's report: file extension, content type, and how it is made. */
const DOWNLOADS: Record<string, { type: string; format: 'json' | 'junit' | 'html' }> = {
  'report.json': { type: 'application/json; charset=utf-8', format: 'json' },
  'report.xml': { type: 'application/xml; charset=utf-8', format: 'junit' },
  'report.html': { type: 'text/html; charset=utf-8', format: 'html' },
};

/** The HTML report is the runner's page of merchant text: no script may run in it, whatever it holds. */
const REPORT_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

/**
 * The QA console's runs of verify, under the admin API (so behind its token): `POST /verify-runs`
 * (202 with the run's id), `GET /verify-runs` (every run, newest first, with the limits), `GET
 * /verify-runs/{id}` (its state, and its report once done), the report's downloads and what changed
 * since another run. Without a runner (`runs` undefined) each answers 404 verify-unavailable.
 */
export function mountVerifyRuns(router: Router, runs: VerifyRuns | undefined, access: VerifyAccess): void {
  router.use('/verify-runs', verifyGate(runs, access));
  if (!runs) return;
  router.post('/verify-runs', async (req, res) => {
    const body = await readJsonBody(req);
    const { config, noDestructive, lang } = readRunRequest(body, req);
    const plan = runs.prepare(config);
    const id = runs.submit(plan, { noDestructive, lang });
    res.setHeader('location', `/__admin/verify-runs/${id}`);
    sendJsonText(res, 202, JSON.stringify({ id }));
  });
  router.get('/verify-runs', async (_req, res) => {
    const { limits } = runs;
    const answer = {
      runs: await runs.list(),
      ...runs.counts,
      maxRunning: limits.maxRunning,
      maxQueued: limits.maxQueued,
      timeLimitSeconds: Math.round(limits.timeLimitMs / 1000),
      callbackUrl: runs.callbackUrl,
      history: await runs.history.usage(),
    };
    sendJsonText(res, 200, JSON.stringify(answer));
  });
  router.get('/verify-runs/:id', async (req, res) => {
    sendJsonText(res, 200, JSON.stringify(await viewOf(runs, String(req.params.id))));
  });
  router.get('/verify-runs/:id/changes', async (req, res) => {
    const id = String(req.params.id);
    const since = typeof req.query.since === 'string' ? req.query.since : undefined;
    if (since === undefined || since === '')
      throw new HttpProblem('bad-admin-request', said('admin.verifySince', { id: id.slice(0, 80) }));
    const [from, to] = [await finished(runs, since), await finished(runs, id)];
    sendJsonText(res, 200, JSON.stringify(runChanges(from, to)));
  });
  for (const [file, download] of Object.entries(DOWNLOADS))
    router.get(`/verify-runs/:id/${file}`, async (req, res) => {
      const id = String(req.params.id);
      const record = await finished(runs, id);
      if (record.report === null)
        throw new HttpProblem('verify-not-done', said('admin.verifyNotDone', { id, state: 'done' }));
      const text =
        download.format === 'json'
          ? `${JSON.stringify(record.report, null, 2)}\n`
          : runs.render(record.report, download.format);
      if (download.format === 'html') res.setHeader('content-security-policy', REPORT_POLICY);
      res.setHeader('content-disposition', `attachment; filename="merchant-kit-${id}.${file.split('.')[1]}"`);
      sendJsonText(res, 200, text, download.type);
    });
}

/**
 * In front of every verify route: 404 without a runner; and without an admin token, a run is allowed
 * only to a client on this machine, since a run calls other servers on the server's behalf.
 */
function verifyGate(runs: VerifyRuns | undefined, access: VerifyAccess) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!runs) throw new HttpProblem('verify-unavailable', said('admin.verifyUnavailable'));
    if (access.adminToken !== undefined) return next();
    const remote = req.socket.remoteAddress ?? '';
    const publicHost = access.publicUrl === undefined ? undefined : new URL(access.publicUrl).hostname;
    const why =
      req.headers.forwarded !== undefined || req.headers['x-forwarded-for'] !== undefined
        ? said('admin.verifyViaProxy')
        : !LOOPBACK.test(remote)
          ? said('admin.verifyRemote', { address: remote })
          : publicHost !== undefined && !LOOPBACK_HOST.test(publicHost)
            ? said('admin.verifyRemote', { address: publicHost })
            : undefined;
    if (why !== undefined) throw new HttpProblem('verify-needs-token', said('admin.verifyNeedsToken', { why }));
    next();
  };
}

/** The body of POST /verify-runs, checked: config (handed to the runner), noDestructive, lang. */
function readRunRequest(body: unknown, req: Request): { config: unknown; noDestructive: boolean; lang: Lang } {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !('config' in body))
    throw new HttpProblem('bad-admin-request', said('admin.verifyBody'));
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).find((key) => !BODY_KEYS.includes(key));
  if (unknown !== undefined)
    throw new HttpProblem(
      'bad-admin-request',
      said('admin.verifyUnknownKey', { key: JSON.stringify(unknown.slice(0, 60)) }),
    );
  if (fields.noDestructive !== undefined && typeof fields.noDestructive !== 'boolean')
    throw new HttpProblem('bad-admin-request', said('admin.verifyNoDestructive'));
  let lang = langFromAcceptLanguage(req.headers['accept-language']);
  if (fields.lang !== undefined) {
    const parsed = typeof fields.lang === 'string' ? parseLang(fields.lang) : undefined;
    if (parsed === undefined) throw new HttpProblem('bad-admin-request', said('admin.verifyLang'));
    lang = parsed;
  }
  return { config: fields.config, noDestructive: fields.noDestructive === true, lang };
}

async function viewOf(runs: VerifyRuns, id: string): Promise<object> {
  const view = await runs.view(id);
  if (!view) throw notFound(id);
  return view;
}

/** A finished run's record; 404 for an unknown id, 409 for one not done yet. */
async function finished(runs: VerifyRuns, id: string): Promise<VerifyRunRecord> {
  const view = await runs.view(id);
  if (!view) throw notFound(id);
  if (view.state !== 'done')
    throw new HttpProblem('verify-not-done', said('admin.verifyNotDone', { id, state: view.state }));
  return view as VerifyRunRecord;
}

function notFound(id: string): HttpProblem {
  return new HttpProblem(
    'verify-run-not-found',
    said('admin.verifyRunNotFound', { id: JSON.stringify(id.slice(0, 80)) }),
  );
}
