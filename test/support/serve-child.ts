import type { ChildProcess } from 'node:child_process';
import { PACKAGE_ROOT } from '../../src/contracts';
import { startUntil } from './child-process';
import { CLI, cliEnvironment } from './run-cli';

/** A `merchant-kit serve` child process on a free loopback port. */
export interface ServeChild {
  child: ChildProcess;
  /** scheme://host:port */
  origin: string;
  /** The origin plus the base path, as the start-up line prints it. */
  url: string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Everything the process wrote so far, stdout and stderr. */
  output(): string;
  /** Sends SIGTERM (unless it has ended) and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the built CLI's serve command on 127.0.0.1:0 and resolves once it prints its origin. Its store
 * is memory unless `env` names another (a MERCHANT_KIT_STORE of the shell running the tests is dropped).
 */
export async function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeChild> {
  const running = await startUntil(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', ...args],
    /listening on ((http:\/\/[^/\s]+)\S*)/,
    { cwd: PACKAGE_ROOT, env: cliEnvironment(env) },
  );
  return { ...running, origin: running.match[2], url: running.match[1] };
}
