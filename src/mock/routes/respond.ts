import type { Response } from 'express';
import type { ProblemBody } from '../problems';

/** Writes JSON already serialized, as text or encoded bytes (the hot path: no re-stringify, no ETag hashing). */
export function sendJsonText(res: Response, status: number, text: string | Buffer, type = 'application/json; charset=utf-8'): void {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.setHeader('content-length', typeof text === 'string' ? Buffer.byteLength(text) : text.length);
  res.end(text);
}

/** Writes a problem+json answer. */
export function sendProblem(res: Response, body: ProblemBody, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  sendJsonText(res, body.status, JSON.stringify(body), 'application/problem+json; charset=utf-8');
}

/** Resolves after ms, or early when the client goes away or the app closes (the wait is tracked in `waits`). */
export function waitFor(ms: number, res: Response, waits: Set<() => void>): Promise<void> {
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
