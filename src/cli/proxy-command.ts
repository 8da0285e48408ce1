import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { OPENAPI_PATH, PACKAGE_ROOT } from '../contracts/paths';
import { findPrismCli, PRISM_MISSING, PRISM_VERSION } from '../contracts/prism';
import { maskUrl } from '../common/secrets';
import { EXIT_FAILED, UsageError } from '../common/usage-error';
import { checkHostResolves, checkPortFree } from './listen-check';

/** Default port of the proxy: next to the mock's 4010, so both can run side by side. */
const DEFAULT_PROXY_PORT = 4020;

interface ProxyOptions {
  upstream?: string;
  port: string;
  host: string;
  errors?: boolean;
}

/** `merchant-kit proxy --upstream URL [--port N]`: Prism's validating proxy with our contract in front of a merchant. */
export function registerProxyCommand(program: Command): void {
  program
    .command('proxy')
    .description(
      "Prism's validating proxy in front of a merchant: forwards every call and reports contract violations in the sl-violations header",
    )
    .option(
      '--upstream <url>',
      'the merchant base URL; the contract paths start with /v1 (e.g. /v1/products/productsearch) and are appended to it',
    )
    .option('--port <n>', 'port to listen on', String(DEFAULT_PROXY_PORT))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--errors',
      'answer a contract violation with an error (422 request, 500 response) instead of forwarding it',
    )
    .action(async (options: ProxyOptions) => {
      process.exitCode = await runProxy(options);
    });
}

/** The argument list for Prism's proxy (kept apart so the flag mapping is unit-testable). */
export function prismProxyArgs(options: ProxyOptions): string[] {
  if (options.upstream === undefined) throw new UsageError('proxy needs --upstream URL (the merchant base URL)');
  let upstream: URL;
  try {
    upstream = new URL(options.upstream);
  } catch {
    throw new UsageError(
      `--upstream ${JSON.stringify(maskUrl(options.upstream))} is not a URL: write it like https://shop.example.com`,
    );
  }
  if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:')
    throw new UsageError('--upstream must be an http or https URL');
  if (!/^\d+$/.test(options.port) || Number(options.port) > 65535)
    throw new UsageError(`--port ${JSON.stringify(options.port)} is not a port number (0-65535)`);
  const args = ['proxy', OPENAPI_PATH, options.upstream, '--port', options.port, '--host', options.host];
  if (options.errors) args.push('--errors');
  return args;
}

/** Runs Prism (an optional dependency, found beside the kit) and waits for it; Ctrl-C stops both. */
async function runProxy(options: ProxyOptions): Promise<number> {
  const args = prismProxyArgs(options);
  // Missing Prism is a setup mistake with a one-line fix (exit 2), said before anything listens.
  const prism = findPrismCli();
  if (prism === undefined) throw new UsageError(PRISM_MISSING);
  await checkHostResolves(options.host);
  await checkPortFree(options.host, Number(options.port));
  return await new Promise((resolve) => {
    const child = spawn(process.execPath, [prism, ...args], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('error', (error) => {
      process.stderr.write(
        `merchant-kit: cannot start Prism (${error.message}); reinstall @stoplight/prism-cli@${PRISM_VERSION}\n`,
      );
      resolve(EXIT_FAILED);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(signal ? 0 : (code ?? EXIT_FAILED));
    });
  });
}
