// A child process whose output is held: stdout and stderr together, in the order they came, for the
// scripts that print a check's output only when it fails (npm test, npm run check).
import { spawn } from 'node:child_process';

/**
 * Starts `command` with its output held. `child` is there to be ended (an interrupted npm test ends
 * its children); `finished` resolves with the exit code (1 when it could not start or was killed),
 * the output and how long it ran, in seconds.
 */
export function heldChild(command, args, options = {}) {
  const started = Date.now();
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const finished = new Promise((resolve) => {
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code) => resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
  return { child, finished };
}
