import { formatViolation, type Violation } from '../contracts';

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
  unauthorized: { status: 401, title: 'Missing or wrong credentials' },
  'order-not-found': { status: 404, title: 'Order not found' },
  'not-found': { status: 404, title: 'No such route' },
  'not-in-catalog': { status: 404, title: 'Not in the catalog' },
  'sandbox-not-found': { status: 404, title: 'No such sandbox' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'request-timeout': { status: 408, title: 'Request not received in time' },
  'callback-unavailable': { status: 409, title: 'Callback cannot be sent now' },
  'sandbox-exists': { status: 409, title: 'Sandbox exists already' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
  'freight-changed': { status: 422, title: 'Freight changed after the quote' },
  'headers-too-large': { status: 431, title: 'Request header fields too large' },
  'scenario-server-error': { status: 500, title: 'Simulated server error' },
  'internal-error': { status: 500, title: 'Internal error in the mock' },
  'scenario-unavailable': { status: 503, title: 'Simulated unavailability' },
  'too-many-streams': { status: 503, title: 'Too many live streams' },
  'sandbox-limit': { status: 503, title: 'Too many sandboxes' },
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

/** An error a seam raises to answer with a problem; the error middleware renders it. */
export class HttpProblem extends Error {
  readonly body: ProblemBody;
  readonly headers: Record<string, string>;
  /** When set, the answer is written at once but ended (and the connection closed) only once this settles. */
  readonly linger?: Promise<void>;

  constructor(
    type: ProblemType,
    detail: string,
    extra: {
      errors?: Violation[];
      headers?: Record<string, string>;
      fields?: Record<string, unknown>;
      linger?: Promise<void>;
    } = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
    this.body = problemBody(type, detail, extra.errors, extra.fields);
    this.headers = extra.headers ?? {};
    this.linger = extra.linger;
  }

  get status(): number {
    return this.body.status;
  }
}

/** Builds a problem body of one catalogued type. */
export function problemBody(
  type: ProblemType,
  detail: string,
  errors?: Violation[],
  fields?: Record<string, unknown>,
): ProblemBody {
  const entry = PROBLEM_TYPES[type];
  const body: ProblemBody = { type: PROBLEM_BASE + type, title: entry.title, status: entry.status, detail };
  if (errors) body.errors = errors;
  return fields ? { ...fields, ...body } : body;
}

/** The detail line for a list of violations: the first two, named by pointer. */
export function violationsDetail(violations: Violation[]): string {
  const shown = violations.slice(0, 2).map(formatViolation);
  const more = violations.length > 2 ? ` (and ${violations.length - 2} more, see errors)` : '';
  return `${shown.join('; ')}${more}`;
}
