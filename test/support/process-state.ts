import fs from 'node:fs';

/** True while a process runs; a zombie (ended, not yet reaped) counts as ended. */
export function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the command name in parentheses, which may itself hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** A node script that starts a child of its own, prints both pids as JSON on one line, and idles. */
export const PARENT_OF_ONE = [
  "const { spawn } = require('node:child_process');",
  "const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });",
  'console.log(JSON.stringify([process.pid, child.pid]));',
  'setInterval(() => {}, 1000);',
].join('\n');
