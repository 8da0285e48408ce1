import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { peerSuite, requireJava, runPeer } from './peer-process';

// Specmatic (the npm package wraps a jar) generates contract tests from the printed contract and runs
// them against the mock: every named example pair, and requests built from the schemas alone,
// numbers up to their bounds included. Zero failures is the promise the contract makes to other tools.

// The jar is started directly, not through the package's Node wrapper: killing the wrapper would
// leave its JVM running, while the test must be able to end everything it started.
const SPECMATIC_JAR = path.join(path.dirname(require.resolve('specmatic/package.json')), 'specmatic.jar');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test edits the parsed document freely
type Json = Record<string, any>;

/**
 * The contract without its examples, so that Specmatic builds requests from the schemas (as it does
 * for any operation without examples). orderCancellation keeps its examples: a schema-built
 * cancellation names an order no test created, and Specmatic expects 200 for it, not the declared 404.
 */
function withoutExamples(contract: string): string {
  const doc = YAML.parse(contract) as Json;
  const strip = (content: Json | undefined): void => {
    for (const media of Object.values(content ?? {}) as Json[]) {
      delete media.examples;
      delete media.example;
    }
  };
  for (const item of Object.values(doc.paths as Json) as Json[])
    for (const operation of Object.values(item) as Json[]) {
      if (operation.operationId === 'orderCancellation') continue;
      for (const parameter of (operation.parameters ?? []) as Json[]) delete parameter.example;
      strip(operation.requestBody?.content);
      for (const response of Object.values(operation.responses as Json) as Json[]) strip(response.content);
    }
  return YAML.stringify(doc);
}

/** The test cases of Specmatic's JUnit report: name and, when it failed, why. */
function junitCases(dir: string): { name: string; failure?: string }[] {
  const xml = fs
    .readdirSync(dir)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
  const unescape = (s: string): string =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&gt;/g, '>')
      .replace(/&lt;/g, '<')
      .replace(/&#10;/g, '\n')
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<testcase [^>]*name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)].map((m) => {
    const failure = /<(failure|error) message="([^"]*)"/.exec(m[3] ?? '');
    return { name: unescape(m[1]).replace(/^.*> Scenario: /, ''), failure: failure ? unescape(failure[2]) : undefined };
  });
}

const suite = peerSuite('specmatic');

beforeAll(() => {
  const contract = fs.readFileSync(path.join(suite.dir, 'openapi.yaml'), 'utf8');
  fs.writeFileSync(path.join(suite.dir, 'schema-driven.yaml'), withoutExamples(contract));
});

describe('Specmatic against the mock', () => {
  it('passes every test Specmatic generates from the printed contract', async () => {
    requireJava();
    const run = await runPeer(
      'java',
      [
        '-XX:TieredStopAtLevel=1', // a short run: the JVM's quick compiler starts faster than it loses
        '-jar',
        SPECMATIC_JAR,
        'test',
        'openapi.yaml',
        'schema-driven.yaml',
        `--testBaseURL=${suite.origin}`,
        '--junitReportDir=junit',
      ],
      {
        cwd: suite.dir, // Specmatic writes build/reports/ into its working folder
        log: path.join(suite.dir, 'specmatic.log'),
        // Without a bound the Order schema's optional fields explode into thousands of combinations.
        env: { ...process.env, MAX_TEST_REQUEST_COMBINATIONS: '4', SPECMATIC_PRETTY_PRINT: 'false' },
        timeoutMs: 240_000,
      },
    );
    const junit = path.join(suite.dir, 'junit');
    const cases = fs.existsSync(junit) ? junitCases(junit) : [];
    const failed = cases.filter((c) => c.failure).map((c) => `${c.name.slice(0, 200)}\n${c.failure}`);
    // The end of Specmatic's own output only when it did not finish cleanly (a JVM error, no report).
    const output = run.code === 0 && cases.length > 0 ? '' : run.tail;
    expect({ failed, code: run.code, output }).toEqual({ failed: [], code: 0, output: '' });

    const names = cases.map((c) => c.name);
    // Each named example pair ran, the 404 of an unknown order's cancellation included...
    for (const example of ['documented', 'noHit', 'cart', 'justCreated', 'order', 'paid'])
      expect(names).toContainEqual(expect.stringContaining(`the example '${example}'`));
    expect(names).toContainEqual(
      expect.stringMatching(/ordercancel -> 404 with the request from the example 'unknownOrder'/),
    );
    // ...and schema-built carts reached the largest numbers the contract allows.
    expect(names).toContainEqual(
      expect.stringMatching(/orderchecker -> 200 with a request where .*quantity is set to the largest possible value/),
    );
  });
});
