import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openStream } from './event-stream';
import { passingSandbox, runDone, startConsole, startRun, urlsOf, type ConsoleServer } from './verify-console';

// Header values are secrets: no answer of the console, no event, no journal and no log line carries
// one, in any encoding a server might echo it in, even when the merchant echoes them back.

const TOKEN = 'S3cr3t-Console-Token-42';
const KEY = 'K3y/Value+Console=77';
const URL_TOKEN = 'Url-Secret-Value-55';
const FORMS = [TOKEN, KEY, URL_TOKEN, encodeURIComponent(KEY), KEY.replace('/', '\\/')];

let console: ConsoleServer;
let echo: http.Server;
let echoBase: string;
const log: string[] = [];

beforeAll(async () => {
  console = await startConsole({ allowPrivate: true }, { log: (line) => log.push(line) });
  // A merchant that echoes what it was sent: headers in its answer's body and headers.
  echo = http.createServer((req, res) => {
    const seen = JSON.stringify({ headers: req.headers, url: req.url });
    res.writeHead(200, { 'content-type': 'application/json', 'x-echo': String(req.headers.authorization) });
    res.end(
      JSON.stringify([
        { objectId: seen, name: seen, mainVariant: { objectId: 'v', name: seen, price: 1 }, variants: [] },
      ]),
    );
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoBase = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  await console.close();
  echo.closeAllConnections();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

const headers = [
  { key: 'Authorization', value: `Bearer ${TOKEN}` },
  { key: 'X-Api-Key', value: KEY },
];

it('never answers, streams, journals or logs a header value, and keeps the config masked for a re-run', async () => {
  const sandbox = await passingSandbox(console, 'loja-s', TOKEN);
  const stream = await openStream(`${console.origin}/__admin/events`);
  const texts: string[] = [];
  const read = async (path: string): Promise<void> => {
    const res = await fetch(`${console.origin}${path}`);
    const shown: string[] = [];
    res.headers.forEach((value, name) => shown.push(`${name}: ${value}`));
    texts.push(`${path} ${shown.join('\n')} ${await res.text()}`);
  };
  try {
    const passing = await startRun(console, { config: { displayName: 'Loja S', urls: urlsOf(sandbox), headers } });
    const echoed = await startRun(console, {
      config: {
        displayName: 'Loja S',
        urls: { ...urlsOf(echoBase), productSearch: `${echoBase}/products/productsearch?token=${URL_TOKEN}` },
        headers,
      },
    });
    const view = await runDone(console, echoed);
    await runDone(console, passing);
    expect(view.config).toMatchObject({
      headers: [
        { key: 'Authorization', value: 'Bearer ***' },
        { key: 'X-Api-Key', value: '***' },
      ],
      urls: { productSearch: `${echoBase}/products/productsearch?token=***` },
    });
    for (const id of [passing, echoed])
      for (const path of ['', '/report.json', '/report.xml', '/report.html', `/changes?since=${passing}`])
        await read(`/__admin/verify-runs/${id}${path}`);
    await read('/__admin/verify-runs');
    await read('/__admin/requests');
    await read('/__admin/sandboxes');
    await read('/__admin/sandboxes/loja-s/requests');
  } finally {
    stream.close();
  }
  texts.push(...stream.events.map((e) => e.data), ...log);
  // The echo reached the reports: the masking is what keeps it out, not the absence of an echo.
  expect(texts.join('\n')).toContain('Bearer ***');
  for (const form of FORMS) expect(texts.filter((text) => text.includes(form))).toEqual([]);
});
