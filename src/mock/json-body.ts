import type { IncomingMessage } from 'node:http';
import { HttpProblem } from './problems';

export const BODY_LIMIT_BYTES = 1024 * 1024;

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
const POLLUTING_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads a JSON request body: 415 for another content type, 413 past the limit (before reading when
 * Content-Length says so), 400 for malformed JSON. A request without a body and content type reads as undefined.
 */
export function readJsonBody(req: IncomingMessage, limit: number = BODY_LIMIT_BYTES): Promise<unknown> {
  const type = req.headers['content-type'];
  const declared = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (declared !== undefined && declared !== '0');
  if (type === undefined && !hasBody) return Promise.resolve(undefined);
  if (type === undefined || !JSON_TYPE.test(type)) {
    const found = type === undefined ? 'none' : JSON.stringify(type.slice(0, 80));
    return Promise.reject(
      new HttpProblem('unsupported-media-type', `Content-Type must be application/json, found ${found}`),
    );
  }
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      try {
        resolve(parseJson(Buffer.concat(chunks, size).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    };
    const onError = (): void => {
      cleanup();
      reject(new HttpProblem('malformed-json', 'the request body could not be read to its end'));
    };
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * Parses JSON text; keys that could reach a prototype (`__proto__`, `constructor`, `prototype`) are
 * dropped, so a body can never change anything outside itself. The reviver only runs when such a key may be present.
 */
export function parseJson(text: string): unknown {
  try {
    if (!/__proto__|constructor|prototype/.test(text)) return JSON.parse(text);
    return JSON.parse(text, (key, value: unknown) => (POLLUTING_KEYS.has(key) ? undefined : value));
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'nested too deeply';
    throw new HttpProblem('malformed-json', `the request body is not valid JSON: ${reason.slice(0, 200)}`);
  }
}

function tooLarge(limit: number): HttpProblem {
  return new HttpProblem(
    'payload-too-large',
    `the request body is over the ${limit / 1024 / 1024} MB limit; send a smaller order`,
    { headers: { connection: 'close' } },
  );
}
