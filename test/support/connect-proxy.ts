import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import type { Pem } from './tls-certs';

/** A forward proxy on 127.0.0.1, as a corporate network has one: CONNECT tunnels and absolute-form requests. */
export interface TestProxy {
  /** http://127.0.0.1:PORT */
  url: string;
  /** What it was asked for, in order: "CONNECT 127.0.0.1:443" or "GET http://127.0.0.1:80/path". */
  log: string[];
  close(): Promise<void>;
}

export interface ProxyBehaviour {
  /** Require this Proxy-Authorization value; otherwise answer 407. */
  requireAuth?: string;
  /** Accept CONNECT requests and never answer them. */
  stallConnect?: boolean;
}

/**
 * Starts a small forward proxy for tests. It only forwards to 127.0.0.1 (the tests' merchants); any
 * other target gets 403, so a test can never send traffic off this machine through it.
 */
export async function startConnectProxy(behaviour: ProxyBehaviour = {}): Promise<TestProxy> {
  const log: string[] = [];
  const sockets = new Set<net.Socket>();
  const authorized = (headers: http.IncomingHttpHeaders): boolean =>
    behaviour.requireAuth === undefined || headers['proxy-authorization'] === behaviour.requireAuth;

  const server = http.createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    if (!authorized(req.headers)) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"' }).end();
      return;
    }
    const target = new URL(req.url ?? '/', 'http://invalid');
    if (target.hostname !== '127.0.0.1') {
      res.writeHead(403).end();
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = http.request(
      { host: '127.0.0.1', port: target.port, method: req.method, path: `${target.pathname}${target.search}`, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });

  server.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    log.push(`CONNECT ${req.url}`);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (behaviour.stallConnect) return;
    if (!authorized(req.headers)) {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    if (host !== '127.0.0.1') {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => socket.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    log,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Terminates TLS on 127.0.0.1 with the given certificate and passes the plain bytes to an http server
 * on `targetPort`: any test merchant becomes an https merchant. Returns the port and a close function.
 */
export async function startTlsFront(
  pem: Pem & { chain?: string },
  targetPort: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = tls.createServer(
    { cert: pem.chain ? `${pem.cert}\n${pem.chain}` : pem.cert, key: pem.key },
    (socket) => {
      const upstream = net.connect(targetPort, '127.0.0.1');
      for (const s of [socket, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => undefined);
      }
      socket.pipe(upstream).pipe(socket);
      socket.on('close', () => upstream.destroy());
      upstream.on('close', () => socket.destroy());
    },
  );
  // A failed handshake (the client refused our certificate) is the point of some tests, not an error.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
