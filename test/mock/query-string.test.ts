import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { parseQuery, splitTarget } from '../../src/mock/http/query-string';

// The plain listener parses the query itself: it must give exactly what express 5's req.path and req.query
// give for the same request target, checked against a real express app over loopback.

const echo = express();
echo.use((req, res) => {
  res.json({ path: req.path, query: req.query });
});
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer(echo);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Sends the target byte for byte (no client normalization) and returns what express saw. */
function expressSees(target: string): Promise<{ path: string; query: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: target, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(JSON.parse(text) as { path: string; query: Record<string, unknown> }));
    });
    req.on('error', reject);
  });
}

describe('query parsing as express 5 does it', () => {
  it.each([
    ['/p'],
    ['/p?'],
    ['/p?query=camiseta&size=10'],
    ['/p?query=a&query=b&query=c'],
    ['/p?query=camisa+polo&x=%C3%A7'],
    ['/p?query=%zz&bad=%'],
    ['/p?flag&=empty&k='],
    ['/p?a=1?b=2'],
    ['/p??a=1'],
    ['/p?a=1#fragment'],
    ['/p#frag?a=1'],
    ['/p?a[b]=1&a[c]=2'],
    ['/p?__scenario=reset&query=x'],
    ['/P/Q/?Query=X'],
  ])('reads %s as express does', async (target) => {
    const seen = await expressSees(target);
    expect({ ...parseQuery(target) }).toEqual(seen.query);
    expect(splitTarget(target).pathname).toBe(seen.path);
  });
});
