import { runCli } from '../support/run-cli';

// The helper every CLI test uses: a child that outlives its time must fail the test loudly, naming the
// command and the time, never resolve as if it had exited (a caller then reads files the child never wrote).
describe('runCli (test support)', () => {
  it('rejects, naming the command, the time allowed and what it printed, when it has to kill a slow child', async () => {
    // serve runs until it is stopped: a child that never ends by itself.
    const run = runCli(['serve', '--port', '0'], { timeoutMs: 1500 });
    await expect(run).rejects.toThrow(
      /^merchant-kit serve --port 0 did not finish within 1\.5 s and was killed \(pass a larger timeoutMs if the machine is slow\)\nstdout: merchant-kit: mock merchant listening on http:\/\/127\.0\.0\.1:\d+/,
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
