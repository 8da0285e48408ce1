import type { ChildProcess } from 'node:child_process';

// Every child process a test starts is registered here the moment it is spawned (not once it is
// ready), and ended by the hooks of test/support/end-children.ts: at the end of the test that started
// it, or at the end of the file for one started in beforeAll. So a test that times out, or fails
// while a child is still starting, leaves nothing running. Children run in their own process group
// (spawned detached), and the whole group is signalled: a child's own children (Prism under
// `merchant-kit proxy`) end with it.

/** When a registered child is ended: after the test that started it, or after its file. */
type Scope = 'test' | 'file';

interface Registered {
  child: ChildProcess;
  label: string;
  scope: Scope;
  exited: Promise<void>;
  /** True while a helper still waits for the child to say it is ready. */
  starting: () => boolean;
  output: () => string;
  /** Set once the registry has started ending it. */
  ended: boolean;
}

const registered = new Set<Registered>();
let scope: Scope = 'file';

/** A child that ignores SIGTERM this long after its test ended is killed: a clean-up delay, never a verdict. */
const GRACE_MS = 5000;

/**
 * Signals a child's whole process group (it was spawned detached, so its pid names the group), even
 * after the child itself has exited: its own children may still be in the group.
 */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

// If the test process itself is stopped (Ctrl-C, jest ending a worker), its children go with it.
const onExit = (): void => {
  for (const entry of registered) signalGroup(entry.child, 'SIGKILL');
};
const onSignal = (signal: NodeJS.Signals): void => {
  onExit();
  process.kill(process.pid, signal);
};
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let listening = false;

function listenForExit(): void {
  if (listening) return;
  listening = true;
  process.on('exit', onExit);
  for (const signal of SIGNALS) process.once(signal, onSignal);
}

function stopListening(): void {
  if (!listening) return;
  listening = false;
  process.off('exit', onExit);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/** What the registry says about one child. */
export interface ChildRecord {
  /** True when the child was ended by the end of its test or file, not by itself or its test. */
  endedByRegistry(): boolean;
}

/**
 * Registers a child just spawned (with `detached: true`) until it exits. `label` names it in the
 * notice printed when a test ends while the child was still starting.
 */
export function registerChild(
  child: ChildProcess,
  label: string,
  details: { starting?: () => boolean; output?: () => string } = {},
): ChildRecord {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const entry: Registered = {
    child,
    label,
    scope,
    exited,
    starting: details.starting ?? (() => false),
    output: details.output ?? (() => ''),
    ended: false,
  };
  registered.add(entry);
  // A child that failed to spawn emits 'error' and never 'exit'.
  child.once('error', () => registered.delete(entry));
  void exited.then(() => registered.delete(entry));
  listenForExit();
  return { endedByRegistry: () => entry.ended };
}

/** Called before each test: children spawned from now on belong to the test. */
export function testStarted(): void {
  scope = 'test';
}

/** SIGTERM to the group, then SIGKILL if it is still there after the grace period; resolves once it has exited. */
async function end(entry: Registered): Promise<void> {
  entry.ended = true;
  if (entry.starting()) {
    const tail = entry.output().slice(-2000);
    process.stderr.write(`ended ${entry.label}, still starting when its test ended; it had printed:\n${tail}\n`);
  }
  signalGroup(entry.child, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, GRACE_MS);
  });
  await Promise.race([entry.exited, late]);
  clearTimeout(timer);
  signalGroup(entry.child, 'SIGKILL');
  await entry.exited;
}

/** Ends the children of the test that just ended ('test'), or every child left ('file'). */
export async function endChildren(which: Scope): Promise<void> {
  const ending = [...registered].filter((entry) => which === 'file' || entry.scope === 'test');
  scope = 'file';
  await Promise.all(ending.map(end));
  if (which === 'file') stopListening();
}

/** How many registered children are still running (for the registry's own test). */
export function runningChildren(): number {
  return registered.size;
}
