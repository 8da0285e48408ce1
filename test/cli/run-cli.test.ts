import { runCli } from '../support/run-cli';

// The helper every CLI test uses: a child that outlives its time must fail the test loudly, naming the
// command and the time, never resolve as if it had exited (a caller then reads files the child never wrote).
describe('runCli (test support)', () => {
  it('rejects, naming the command, the time allowed and what it printed, when it has to kill a slow child', async () => {
    // serve runs until it is stopped: a child that never ends by itself. (What it printed by then
    // depends on the machine's load, so only the shape of that part is checked.)
    const run = runCli(['serve', '--port', '0'], { timeoutMs: 3000 });
    await expect(run).rejects.toThrow(
      /^merchant-kit serve --port 0 did not finish within 3 s and was killed \(pass a larger timeoutMs if the machine is slow\)\nstdout: .*\nstderr: /s,
    );
  });

  it('resolves with the exit code and both streams when the child ends in time', async () => {
    const result = await runCli(['contracts', '--format', 'nope']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'merchant-kit: --format "nope" is not supported: use yaml or json\n',
    });
  });
});
