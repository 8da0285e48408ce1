import type { ServerResponse } from 'node:http';
import { langFromAcceptLanguage, type Lang } from '../../../common/i18n';
import { said } from '../../i18n';
import { HttpProblem, type ProblemBody } from '../../errors/problems';

/**
 * Where an answer keeps the body it was sent with and its content type, for the journal: symbol-keyed
 * properties of the response (cheaper than a WeakMap on the hot path; they go when the response goes).
 */
const SENT = Symbol('sent body');
const SENT_TYPE = Symbol('sent type');

type Sent = ServerResponse & { [SENT]?: string | Buffer; [SENT_TYPE]?: string };

/** The body an answer was sent with through sendJsonText, if any. */
export function sentBody(res: ServerResponse): string | Buffer | undefined {
  return (res as Sent)[SENT];
}

/** The content type an answer was sent with through sendJsonText, if any. */
export function sentType(res: ServerResponse): string | undefined {
  return (res as Sent)[SENT_TYPE];
}

/** Writes JSON already serialized, as text or encoded bytes (the hot path: no re-stringify, no ETag hashing). */
export function sendJsonText(
  res: ServerResponse,
  status: number,
  text: string | Buffer,
  type = 'application/json; charset=utf-8',
): void {
  (res as Sent)[SENT] = text;
  (res as Sent)[SENT_TYPE] = type;
  // writeHead with the headers, not setHeader: Node then checks and stores each once (headers set before,
  // a fault's or a problem's, are merged in); the journal reads the type back from SENT_TYPE.
  res.writeHead(status, {
    'content-type': type,
    'content-length': typeof text === 'string' ? Buffer.byteLength(text) : text.length,
  });
  res.end(text);
}

/**
 * The language a problem answer is written in: the request's Accept-Language (pt-BR or en, English by
 * default). Read only when a problem is rendered, so an answer that is not a problem pays nothing for it.
 */
function problemLang(res: ServerResponse): Lang {
  const header = res.req?.headers['accept-language'];
  return langFromAcceptLanguage(typeof header === 'string' ? header : undefined);
}

/** Writes a problem+json answer (its body already in the request's language: HttpProblem.bodyIn). */
function sendProblem(res: ServerResponse, body: ProblemBody, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  sendJsonText(res, body.status, JSON.stringify(body), 'application/problem+json; charset=utf-8');
}

/**
 * Renders any failure as problem+json (both entry points use it): a bug is a 500 without a stack trace;
 * `path` is the request path without its query string, for the detail.
 */
export function renderFailure(error: unknown, method: string, path: string, res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof HttpProblem) {
    answerProblem(res, error);
    return;
  }
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Express's own client errors, e.g. a path with a broken %-escape (their message is express's, in English).
    const reason = (error as Error).message.slice(0, 200);
    answerProblem(res, new HttpProblem('bad-request', said('detail.unreadable', { path: path.slice(0, 200), reason })));
    return;
  }
  const reason = error instanceof Error ? error.message.slice(0, 200) : said('detail.unknownError');
  answerProblem(
    res,
    new HttpProblem('internal-error', said('detail.internalError', { method, path: path.slice(0, 200), reason })),
  );
}

/** Writes an HttpProblem in the request's language, with its headers (and its lingering close, when it has one). */
export function answerProblem(res: ServerResponse, problem: HttpProblem): void {
  const body = problem.bodyIn(problemLang(res));
  if (problem.linger) lingerWith(res, body, problem.headers, problem.linger);
  else sendProblem(res, body, problem.headers);
}

/**
 * Writes a whole problem answer (its Content-Length tells the client it is complete) but ends it only
 * once `linger` settles: closing while the client still sends would reset the connection, and the
 * client would see EPIPE or ECONNRESET instead of the answer (nginx's lingering close does the same).
 */
function lingerWith(
  res: ServerResponse,
  body: ProblemBody,
  headers: Record<string, string>,
  linger: Promise<void>,
): void {
  const text = JSON.stringify(body);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.statusCode = body.status;
  res.setHeader('content-type', 'application/problem+json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.write(text);
  void linger.then(() => res.end());
}

/** Resolves after ms, or early when the client goes away or the app closes (the wait is tracked in `waits`). */
export function waitFor(ms: number, res: ServerResponse, waits: Set<() => void>): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      waits.delete(done);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    waits.add(done);
    res.on('close', done);
  });
}
