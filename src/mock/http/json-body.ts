import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { said } from '../i18n';
import { HttpProblem } from '../errors/problems';

const BODY_LIMIT_BYTES = 1024 * 1024;
/** After a 413, the rest of the body is read and discarded up to this much more, then the connection closes. */
const LINGER_BYTES = 16 * 1024 * 1024;
/** ... or for this long at most. */
const LINGER_MS = 5000;

/** A JSON content type: application/json or application/*+json, parameters allowed. */
export const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
/** Deepest nesting a body may have (the root value is level 1): deeper, JSON.stringify and recursion stop being safe. */
const MAX_JSON_DEPTH = 1000;

/** Where a request keeps the body it sent, as received, for the journal's preview (it goes with the request). */
const RECEIVED = Symbol('received body');

/** The bytes a request's body arrived as, once readBody has read it whole (valid JSON or not). */
export function receivedBody(req: IncomingMessage): Buffer | undefined {
  return (req as IncomingMessage & { [RECEIVED]?: Buffer })[RECEIVED];
}

/**
 * Reads and parses a JSON request body: 415 for another content type, 413 past the limit (before
 * reading when Content-Length says so), 400 for malformed JSON. A request without a body and content
 * type reads as undefined.
 */
export async function readJsonBody(req: IncomingMessage, limit: number = BODY_LIMIT_BYTES): Promise<unknown> {
  const bytes = await readBody(req, limit);
  return bytes === undefined ? undefined : parseJsonBytes(bytes);
}

/** Reads a JSON request body's bytes, unparsed, with the checks of readJsonBody but the parse. */
export function readBody(req: IncomingMessage, limit: number = BODY_LIMIT_BYTES): Promise<Buffer | undefined> {
  const type = req.headers['content-type'];
  const declared = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (declared !== undefined && declared !== '0');
  if (type === undefined && !hasBody) return Promise.resolve(undefined);
  if (type === undefined || !JSON_TYPE.test(type)) {
    const found = type === undefined ? said('detail.contentTypeNone') : JSON.stringify(type.slice(0, 80));
    return Promise.reject(new HttpProblem('unsupported-media-type', said('detail.contentType', { found })));
  }
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(limit, discardRest(req)));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        reject(tooLarge(limit, discardRest(req)));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
      (req as IncomingMessage & { [RECEIVED]?: Buffer })[RECEIVED] = bytes;
      resolve(bytes);
    };
    const onError = (): void => {
      cleanup();
      reject(new HttpProblem('malformed-json', said('detail.bodyCut')));
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

/** Parses a body's bytes: 400 malformed-json when they are not UTF-8 (decoding would replace them silently). */
export function parseJsonBytes(bytes: Buffer): unknown {
  if (!isUtf8(bytes)) {
    throw new HttpProblem('malformed-json', said('detail.notUtf8'));
  }
  return parseJson(bytes.toString('utf8'));
}

/**
 * Parses JSON text, then walks the parsed value once: keys that could reach a prototype (`__proto__`,
 * `constructor`, `prototype`) are dropped at any depth, however the text spelled them (`"\u005f_proto__"`
 * is `__proto__` once parsed), and nesting past MAX_JSON_DEPTH is refused.
 */
export function parseJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'unreadable';
    throw new HttpProblem('malformed-json', said('detail.notJson', { reason: reason.slice(0, 200) }));
  }
  sanitize(value);
  return value;
}

/** Drops polluting keys and checks the depth, with its own stack (never recursion: a body may be 500,000 deep). */
function sanitize(root: unknown): void {
  if (typeof root !== 'object' || root === null) return;
  const values: object[] = [root];
  const depths: number[] = [1];
  while (values.length > 0) {
    const value = values.pop() as object;
    const depth = depths.pop() as number;
    if (depth > MAX_JSON_DEPTH) {
      throw new HttpProblem(
        'malformed-json',
        said('detail.tooDeep', { depth: (lang) => MAX_JSON_DEPTH.toLocaleString(lang) }),
      );
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i += 1) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (isPollutingKey(key)) {
        delete record[key];
        continue;
      }
      const item = record[key];
      if (typeof item === 'object' && item !== null) {
        values.push(item);
        depths.push(depth + 1);
      }
    }
  }
}

/** `__proto__`, `constructor` or `prototype`, tested by length first (the walk sees every key of every body). */
function isPollutingKey(key: string): boolean {
  switch (key.length) {
    case 9:
      return key === '__proto__' || key === 'prototype';
    case 11:
      return key === 'constructor';
    default:
      return false;
  }
}

function tooLarge(limit: number, linger: Promise<void>): HttpProblem {
  return new HttpProblem('payload-too-large', said('detail.tooLarge', { mb: limit / 1024 / 1024 }), {
    headers: { connection: 'close' },
    linger,
  });
}

/**
 * Reads and discards what is left of a request body, bounded in bytes and time; resolves once the body
 * has ended, the client has gone, or a bound is reached (the connection is then closed on the client).
 */
function discardRest(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.complete || req.destroyed) return resolve();
    let discarded = 0;
    const finish = (): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', finish);
      req.off('close', finish);
      req.off('error', finish);
      resolve();
    };
    const onData = (chunk: Buffer): void => {
      discarded += chunk.length;
      if (discarded > LINGER_BYTES) finish();
    };
    const timer = setTimeout(finish, LINGER_MS);
    req.on('data', onData);
    req.on('end', finish);
    req.on('close', finish);
    req.on('error', finish);
    req.resume();
  });
}
