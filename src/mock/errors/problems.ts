import { formatViolation, localizeViolation, type Violation } from '../../contracts';
import type { Lang } from '../../common/i18n';
import { mockT } from '../i18n';

/** Base of every problem `type` URI the mock answers with. */
export const PROBLEM_BASE = 'https://omnichat-merchant-kit.dev/problems/';

/** The error catalogue: every problem type the mock can answer, with its status and title (docs/mock.md, errors). */
export const PROBLEM_TYPES = {
  'contract-violation': { status: 400, title: 'Request breaks the contract' },
  'malformed-json': { status: 400, title: 'Request body is not valid JSON' },
  'unknown-scenario': { status: 400, title: 'Unknown scenario' },
  'bad-request': { status: 400, title: 'Bad request' },
  'bad-admin-request': { status: 400, title: 'Bad admin request' },
  'bad-sandbox-name': { status: 400, title: 'Bad sandbox name' },
  'bad-verify-config': { status: 400, title: 'Bad merchant config' },
  unauthorized: { status: 401, title: 'Missing or wrong credentials' },
  'cross-site-admin': { status: 403, title: 'Admin call from another site' },
  'verify-needs-token': { status: 403, title: 'Verify runs need the admin token' },
  'order-not-found': { status: 404, title: 'Order not found' },
  'not-found': { status: 404, title: 'No such route' },
  'not-in-catalog': { status: 404, title: 'Not in the catalog' },
  'sandbox-not-found': { status: 404, title: 'No such sandbox' },
  'verify-run-not-found': { status: 404, title: 'No such verify run' },
  'verify-unavailable': { status: 404, title: 'No verify on this server' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'request-timeout': { status: 408, title: 'Request not received in time' },
  'callback-unavailable': { status: 409, title: 'Callback cannot be sent now' },
  'sandbox-exists': { status: 409, title: 'Sandbox exists already' },
  'verify-not-done': { status: 409, title: 'Verify run not done yet' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
  'misdirected-request': { status: 421, title: 'Request for another host' },
  'freight-changed': { status: 422, title: 'Freight changed after the quote' },
  'headers-too-large': { status: 431, title: 'Request header fields too large' },
  'scenario-server-error': { status: 500, title: 'Simulated server error' },
  'internal-error': { status: 500, title: 'Internal error in the mock' },
  'scenario-unavailable': { status: 503, title: 'Simulated unavailability' },
  'too-many-streams': { status: 503, title: 'Too many live streams' },
  'sandbox-limit': { status: 503, title: 'Too many sandboxes' },
  'too-many-verify-runs': { status: 503, title: 'Too many verify runs' },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

/** The application/problem+json body (contracts/schemas/problem.schema.json). */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Violation[];
  [extra: string]: unknown;
}

/** A detail text: fixed, or said in the language of the request (rendered only when a problem is sent). */
export type DetailText = string | ((lang: Lang) => string);

/** An error a seam raises to answer with a problem; the error middleware renders it in the request's language. */
export class HttpProblem extends Error {
  readonly headers: Record<string, string>;
  /** When set, the answer is written at once but ended (and the connection closed) only once this settles. */
  readonly linger?: Promise<void>;

  constructor(
    readonly type: ProblemType,
    readonly detail: DetailText,
    private readonly extra: {
      errors?: Violation[];
      headers?: Record<string, string>;
      fields?: Record<string, unknown>;
      linger?: Promise<void>;
    } = {},
  ) {
    super(typeof detail === 'string' ? detail : detail('en'));
    this.name = 'HttpProblem';
    this.headers = extra.headers ?? {};
    this.linger = extra.linger;
  }

  /** The problem in English. */
  get body(): ProblemBody {
    return this.bodyIn('en');
  }

  /** The problem in a language: title, detail and the violations' messages; type, status and pointers never change. */
  bodyIn(lang: Lang): ProblemBody {
    const detail = typeof this.detail === 'string' ? this.detail : this.detail(lang);
    const errors = lang === 'en' ? this.extra.errors : this.extra.errors?.map((v) => localizeViolation(v, lang));
    return problemBody(this.type, detail, errors, this.extra.fields, lang);
  }

  get status(): number {
    return PROBLEM_TYPES[this.type].status;
  }
}

/** Builds a problem body of one catalogued type. */
export function problemBody(
  type: ProblemType,
  detail: string,
  errors?: Violation[],
  fields?: Record<string, unknown>,
  lang: Lang = 'en',
): ProblemBody {
  const entry = PROBLEM_TYPES[type];
  const title = lang === 'en' ? entry.title : mockT(lang)(`title.${type}`);
  const body: ProblemBody = { type: PROBLEM_BASE + type, title, status: entry.status, detail };
  if (errors) body.errors = errors;
  return fields ? { ...fields, ...body } : body;
}

/** The detail line for a list of violations: the first two, named by pointer, in a language. */
export function violationsDetail(violations: Violation[], lang: Lang = 'en'): string {
  const shown = violations.slice(0, 2).map((v) => formatViolation(v, lang));
  const more = violations.length > 2 ? mockT(lang)('detail.andMore', { count: violations.length - 2 }) : '';
  return `${shown.join('; ')}${more}`;
}

/** The same detail, said in the language the problem is rendered in. */
export const violationsText =
  (violations: Violation[]): DetailText =>
  (lang) =>
    violationsDetail(violations, lang);
