import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { CLI } from './run-cli';

/** A `merchant-kit serve` child process on a free loopback port. */
export interface ServeChild {
  child: ChildProcessWithoutNullStreams;
  /** scheme://host:port */
  origin: string;
  /** The origin plus the base path, as the start-up line prints it. */
  url: string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Everything the process wrote so far, stdout and stderr. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the built CLI's serve command on 127.0.0.1:0 and resolves once it prints its origin. */
export function startServe(args: string[]): Promise<ServeChild> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', ...args]);
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const stop = (): Promise<number | null> => {
    child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start: ${out}`));
    }, 15000);
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /listening on ((http:\/\/[^/\s]+)\S*)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, origin: match[2], url: match[1], exited, output: () => out, stop });
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`serve exited early: ${out}`));
    });
  });
}
