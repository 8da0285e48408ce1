import fs from 'node:fs';
import path from 'node:path';
import { peerSuite, runPeer } from './peer-process';

// Portman turns the printed contract into a Postman collection with contract tests (status, content
// type, JSON body, schema of the declared answer), plus the variations in portman-config.json: the 404
// of an unknown order's cancellation, and fuzzed requests just outside each bound, which must get a
// 400 problem. newman runs the collection against the mock.

const bin = (name: string): string => path.join(__dirname, '..', '..', 'node_modules', '.bin', name);
const CONFIG = path.join(__dirname, 'portman-config.json');

interface NewmanReport {
  run: {
    stats: { requests: { total: number; failed: number }; assertions: { total: number; failed: number } };
    executions: { item: { name: string } }[];
    failures: { source?: { name?: string }; error: { test?: string; message: string } }[];
  };
}

const suite = peerSuite('portman');

describe('Portman and newman against the mock', () => {
  it('passes every contract test Portman generates from the printed contract', async () => {
    // Portman writes its working copies under tmp/ in its working folder: the temporary one here.
    const portman = await runPeer(
      bin('portman'),
      ['-l', 'openapi.yaml', '-b', suite.origin, '-c', CONFIG, '-o', 'collection.json'],
      { cwd: suite.dir, log: path.join(suite.dir, 'portman.log'), timeoutMs: 120_000 },
    );
    const wrote = fs.existsSync(path.join(suite.dir, 'collection.json'));
    const output = portman.code === 0 && wrote ? '' : portman.tail;
    expect({ code: portman.code, wrote, output }).toEqual({ code: 0, wrote: true, output: '' });

    const newman = await runPeer(
      bin('newman'),
      ['run', 'collection.json', '--reporters', 'json', '--reporter-json-export', 'newman.json'],
      { cwd: suite.dir, log: path.join(suite.dir, 'newman.log'), timeoutMs: 180_000 },
    );
    const reportFile = path.join(suite.dir, 'newman.json');
    if (!fs.existsSync(reportFile)) throw new Error(`newman wrote no report (exit ${newman.code}):\n${newman.tail}`);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as NewmanReport;
    const failures = report.run.failures.map(
      (f) => `${f.source?.name ?? '?'}: ${f.error.test ?? ''} ${f.error.message}`,
    );
    expect({ failures, code: newman.code }).toEqual({ failures: [], code: 0 });

    const names = report.run.executions.map((e) => e.item.name);
    // The five operations with their documented examples, the unknown order, and the bounds fuzzed.
    expect(names).toContainEqual(expect.stringMatching(/^Order cancellation .*\[unknownOrder\]$/));
    for (const bound of ['maximum number value items[0].quantity', 'maximum number value items[0].weight'])
      expect(names).toContainEqual(expect.stringContaining(`[outsideTheContract][${bound}]`));
    expect(names).toContainEqual(
      expect.stringContaining('Product search (URL de Busca de Produto)[outsideTheContract]'),
    );
    expect(report.run.stats.assertions.total).toBeGreaterThan(4 * names.length - 1);
  });
});
