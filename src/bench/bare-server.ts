import fs from 'node:fs';
import http from 'node:http';

/** One answer the bare server gives, captured from the mock: its status, content type and exact bytes. */
export interface CannedAnswer {
  /** The load it answers (the request's LOAD_HEADER): several loads POST to the same path. */
  load?: string;
  method: string;
  path: string;
  status: number;
  contentType: string;
  bodyBase64: string;
}

/**
 * Names the load a request belongs to, so that the bare server answers each load with the bytes the
 * mock answered it: the 3-line cart and the documented example order both POST to orderchecker, and
 * matched by path alone both would get the last one's answer. The mock ignores the header.
 */
export const LOAD_HEADER = 'x-bench-load';

/**
 * The machine's limit for the mock's answers: a bare node:http server that reads each request to its
 * end and answers the bytes the mock answered for it, with nothing in between (no routing, parsing,
 * checking, journal or log). Run as `node bare-server.js PORT ANSWERS.json`; an unknown request is a 404.
 */
export function startBareServer(port: number, answers: readonly CannedAnswer[]): http.Server {
  const canned = answers.map((a) => ({
    key: `${a.method} ${a.path}`,
    load: a.load,
    answer: { status: a.status, type: a.contentType, body: Buffer.from(a.bodyBase64, 'base64') },
  }));
  const byLoad = new Map(canned.filter((c) => c.load !== undefined).map((c) => [c.load, c.answer]));
  const byRequest = new Map(canned.map((c) => [c.key, c.answer]));
  const server = http.createServer((req, res) => {
    const load = req.headers[LOAD_HEADER];
    const answer =
      (typeof load === 'string' ? byLoad.get(load) : undefined) ?? byRequest.get(`${req.method} ${req.url}`);
    req.on('data', () => undefined);
    req.on('end', () => {
      if (answer === undefined) {
        res.statusCode = 404;
        res.end();
        return;
      }
      res.writeHead(answer.status, { 'content-type': answer.type, 'content-length': answer.body.length });
      res.end(answer.body);
    });
  });
  server.listen(port, '127.0.0.1');
  return server;
}

if (require.main === module) {
  const [portText, file] = process.argv.slice(2);
  const answers = JSON.parse(fs.readFileSync(file, 'utf8')) as CannedAnswer[];
  const server = startBareServer(Number(portText), answers);
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  process.on('SIGINT', () => server.close(() => process.exit(0)));
}
