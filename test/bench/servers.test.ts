import { probe } from '../../src/bench/http-probe';
import { freePort, readMemory, startServer, StartError, stopAll, type ServerSpec } from '../../src/bench/servers';

// A tiny server as a real child process: answers `status` to every request once listening.
const serverScript = (status: number): string =>
  `require('node:http').createServer((q, s) => { s.statusCode = ${status}; s.end('[]'); }).listen(Number(process.argv[1]), '127.0.0.1')`;

// The bench's own give-up time, injected: ample, so that only a server that never answers reaches it.
function spec(port: number, script: string, timeoutMs = 120_000): ServerSpec {
  return {
    name: 'tiny',
    command: process.execPath,
    args: ['-e', script, String(port)],
    port,
    isReady: async (p, t) => (await probe(p, { method: 'GET', path: '/' }, t)).status === 200,
    timeoutMs,
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Every child the bench spawned is tracked by src/bench/servers.ts; each test's end stops them.
afterEach(stopAll);

describe('bench servers', () => {
  it('starts a child, waits for its first correct answer, and stops it', async () => {
    const port = await freePort();
    const server = await startServer(spec(port, serverScript(200)));
    expect(server.startupMs).toBeGreaterThan(0);
    expect((await probe(port, { method: 'GET', path: '/' })).status).toBe(200);
    expect(readMemory(server.pid).rssMb).toBeGreaterThan(1);
    await server.stop();
    expect(isAlive(server.pid)).toBe(false);
    await expect(probe(port, { method: 'GET', path: '/' })).rejects.toThrow();
  });

  it('reports a child that exits before answering, with the end of its stderr', async () => {
    const port = await freePort();
    const failing = spec(port, "process.stderr.write('merchant-kit: unknown option --generate\\n'); process.exit(2)");
    await expect(startServer(failing)).rejects.toThrow(StartError);
    await expect(startServer(failing)).rejects.toThrow(
      /tiny exited before answering \(exit code 2\): merchant-kit: unknown option --generate/,
    );
  });

  it('gives up on a server that never answers correctly and does not leave it running', async () => {
    const port = await freePort();
    const error = await startServer(spec(port, serverScript(500), 400)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartError);
    expect((error as Error).message).toBe('tiny gave no correct answer within 400 ms');
    await expect(probe(port, { method: 'GET', path: '/' })).rejects.toThrow();
  });

  it('reads no memory for a process that does not exist, rather than a number', () => {
    expect(readMemory(2 ** 22 + 12345).rssMb).toBeNaN();
  });
});
