import fs from 'node:fs';
import path from 'node:path';
import type { Response, Router } from 'express';
import { said } from '../../i18n';
import { HttpProblem } from '../../errors/problems';

/** Where the dashboard's files are: beside the compiled routes (the build copies them into dist). */
const DASHBOARD_DIR = path.join(__dirname, '..', '..', 'dashboard');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/**
 * The page may load only its own files and talk only to this server: no inline script, no external
 * asset, no framing. Everything it shows from requests is inserted as text, so this is a second wall.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-cache',
};

interface Asset {
  type: string;
  body: Buffer;
}

let loaded: Map<string, Asset> | undefined;

/** The dashboard's files by name, read once (a few small files). */
function assets(): Map<string, Asset> {
  if (loaded) return loaded;
  const found = new Map<string, Asset>();
  if (fs.existsSync(DASHBOARD_DIR)) {
    for (const name of fs.readdirSync(DASHBOARD_DIR)) {
      const type = TYPES[path.extname(name)];
      if (type) found.set(name, { type, body: fs.readFileSync(path.join(DASHBOARD_DIR, name)) });
    }
  }
  loaded = found;
  return found;
}

/**
 * Serves the QA dashboard at `/__admin/` (mounted on the admin router before its token check: the page
 * holds no data, it asks for the admin token and sends it on every API call).
 */
export function mountDashboard(router: Router): void {
  router.get('/', (_req, res) => send(res, 'index.html'));
  // "Testar integração": OmniChat's settings screen, tested by runs of verify on this server.
  router.get('/integration', (_req, res) => send(res, 'integration.html'));
  router.get('/assets/:file', (req, res) => {
    const name = String(req.params.file);
    if (name.endsWith('.html')) throw missing(name);
    send(res, name);
  });
}

function send(res: Response, name: string): void {
  const asset = assets().get(name);
  if (asset === undefined) throw missing(name);
  for (const [header, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(header, value);
  res.setHeader('content-type', asset.type);
  res.setHeader('content-length', asset.body.length);
  res.end(asset.body);
}

function missing(name: string): HttpProblem {
  return new HttpProblem(
    'not-found',
    said(assets().size === 0 ? 'detail.noDashboardFiles' : 'detail.noDashboardFile', {
      name: JSON.stringify(name.slice(0, 80)),
    }),
  );
}
