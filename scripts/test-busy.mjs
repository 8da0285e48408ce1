// `npm run test:busy`: the whole `npm test` beside two CPU-bound busy loops, as on a loaded CI machine
// or a laptop compiling something else. The loops are started here and always ended here: when the
// tests end, fail, or this script is interrupted.
import { spawn } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';

const LOOPS = 2;
// Spins a core; every few hundred million turns it checks that this script still runs, so a loop
// whose parent was killed outright (SIGKILL, where no handler runs) ends by itself.
const BUSY = `const parent = ${process.pid};
for (let i = 1; ; i += 1) if (i % 2 ** 28 === 0) try { process.kill(parent, 0); } catch { process.exit(0); }`;
const loops = Array.from({ length: LOOPS }, () => spawn(process.execPath, ['-e', BUSY], { stdio: 'ignore' }));
const endLoops = () => {
  for (const loop of loops) if (loop.exitCode === null && loop.signalCode === null) loop.kill('SIGKILL');
};
process.on('exit', endLoops);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.once(signal, () => {
    endLoops();
    process.kill(process.pid, signal);
  });

console.log(
  `test:busy: ${LOOPS} busy loops running (pids ${loops.map((loop) => loop.pid).join(', ')}); npm test beside them`,
);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tests = spawn(npm, ['test'], { stdio: 'inherit' });
tests.on('exit', (code, signal) => {
  endLoops();
  console.log(`test:busy: busy loops ended; npm test ${signal ? `was stopped by ${signal}` : `exited ${code}`}`);
  process.exitCode = code ?? 1;
});
