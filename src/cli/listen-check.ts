import dns from 'node:dns/promises';
import net from 'node:net';
import { UsageError } from '../common/usage-error';

/**
 * Says in one line that --host cannot be resolved, before any other check about that host (such as
 * the admin token a non-loopback address needs) sends the user to fix the wrong thing.
 */
export async function checkHostResolves(host: string): Promise<void> {
  if (net.isIP(host.replace(/^\[|\]$/g, '')) !== 0 || host === 'localhost') return;
  try {
    await dns.lookup(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTFOUND' && code !== 'EAI_AGAIN' && code !== 'EAI_FAIL') return; // listen will say what is wrong
    throw new UsageError(
      `--host ${host} cannot be resolved (DNS): listen on an address of this machine, such as 127.0.0.1 or 0.0.0.0`,
    );
  }
}

/**
 * Binds host:port for a moment to learn whether a child server (Prism) could: its own answer to a busy
 * port is a 21-line usage text and exit 1. The port is released before the child starts, so a race
 * is possible but harmless (the child then fails as before).
 */
export async function checkPortFree(host: string, port: number): Promise<void> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, host, port)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** The one-line usage error for a server that cannot listen: which flag (--host or --port), why, the fix. */
export function listenError(error: NodeJS.ErrnoException, host: string, port: number): UsageError {
  const flag = error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' ? 'host' : 'port';
  const why =
    error.code === 'EADDRINUSE'
      ? 'is already in use'
      : error.code === 'EACCES'
        ? 'needs privileges'
        : `cannot be used (${error.code ?? error.message})`;
  return new UsageError(`--${flag} ${flag === 'host' ? host : port} ${why}: pick another ${flag}`);
}
