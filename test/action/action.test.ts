import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { PACKAGE_ROOT } from '../../src/contracts';
import { copyCheckout } from '../support/checkout-copy';
import { runToEnd, type Finished } from '../support/child-process';
import { cliEnvironment } from '../support/run-cli';
import { startServe, type ServeChild } from '../support/serve-child';
import { ciExamples, type WorkflowStep } from './ci-examples';

// The GitHub Action run the way a runner runs a JavaScript action: `node <main>` from a fresh clone of
// this repository (no node_modules, no dist/), in the workspace, with each input as INPUT_<NAME> (from
// `with:`, else the input's default), the step's env, and GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
// pointing at files; against the mock merchant. The inputs come from the CI examples in docs/verify.md
// and both READMEs, so the examples are what is tested.

const TOKEN = 'action-test-token-7f3a';

interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}
interface Action {
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description: string; value?: string }>;
  runs: { using: string; main: string; steps?: unknown };
}

const action = YAML.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'action.yml'), 'utf8')) as Action;

let tmp: string;
let clone: string;
let workspace: string;
let mock: ServeChild;

/** What the runner gives the action's process, and what the action wrote to its files. */
interface ActionRun extends Finished {
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the action's main as the runner would: INPUT_* from `with:` and the defaults, cwd = workspace. */
async function runAction(withInputs: Record<string, string>, stepEnv: Record<string, string> = {}): Promise<ActionRun> {
  const id = Math.random().toString(36).slice(2);
  const outputFile = path.join(tmp, `output-${id}`);
  const summaryFile = path.join(tmp, `summary-${id}`);
  fs.writeFileSync(outputFile, '');
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([name, spec]) => [
      `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
      withInputs[name] ?? spec.default ?? '',
    ]),
  );
  const env = cliEnvironment({
    ...stepEnv,
    ...inputs,
    NODE_PATH: '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: tmp,
  });
  const result = await runToEnd(process.execPath, [path.join(clone, action.runs.main)], { cwd: workspace, env });
  const outputs = Object.fromEntries(
    fs
      .readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('=', 2) as [string, string]),
  );
  const summary = fs.existsSync(summaryFile) ? fs.readFileSync(summaryFile, 'utf8') : '';
  return { ...result, outputs, summary };
}

/** The workflow's `env:` for the action step, with `${{ secrets.* }}` given the test's token. */
function stepEnvOf(step: WorkflowStep): Record<string, string> {
  return Object.fromEntries(
    Object.entries(step.env ?? {}).map(([name, value]) => [name, String(value).replace(/\$\{\{[^}]*\}\}/g, TOKEN)]),
  );
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-action-'));
  clone = path.join(tmp, 'omnichat-merchant-kit');
  workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  copyCheckout(clone);
  mock = await startServe(['--quiet', '--auth', `Authorization: Bearer ${TOKEN}`]);
  // The merchant's config, as the examples expect it in the repository root: the example config
  // pointed at the mock, with the token read from the environment.
  const config = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'merchant.example.json'), 'utf8'));
  for (const [operation, url] of Object.entries(config.urls as Record<string, string>))
    config.urls[operation] = url.replace('http://127.0.0.1:4010', mock.origin);
  config.headers = [{ key: 'Authorization', value: 'Bearer ${MERCHANT_TOKEN}' }];
  fs.writeFileSync(path.join(workspace, 'merchant.json'), JSON.stringify(config, null, 2));
});

afterAll(async () => {
  await mock?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  fs.rmSync(path.join(workspace, 'reports'), { recursive: true, force: true });
  await fetch(`${mock.origin}/__admin/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
});

describe('action.yml', () => {
  it("is a JavaScript action: the runner's Node 20 starts one committed file, with no install step", () => {
    expect(action.runs).toEqual({ using: 'node20', main: 'action.js' });
    expect(fs.existsSync(path.join(clone, 'action.js'))).toBe(true);
    expect(fs.existsSync(path.join(clone, 'node_modules'))).toBe(false);
    expect(fs.existsSync(path.join(clone, 'dist'))).toBe(false);
  });

  it('keeps its inputs and its exit-code output', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(['config', 'html', 'json', 'junit', 'no-destructive']);
    expect(action.inputs.config.required).toBe(true);
    expect(action.inputs['no-destructive'].default).toBe('false');
    expect(Object.keys(action.outputs)).toEqual(['exit-code']);
  });

  const examples = ciExamples().filter((example) => example.actionStep !== undefined);
  it('has the action example in docs/verify.md and in both READMEs', () => {
    expect(examples.map((example) => example.source).sort()).toEqual([
      'README.md',
      'README.pt-BR.md',
      'docs/verify.md',
    ]);
  });

  it.each(examples.map((example) => [example.source, example] as const))(
    'runs the CI example of %s as written: verify passes, reports land where the upload step looks',
    async (_source, example) => {
      const step = example.actionStep as WorkflowStep;
      const withInputs = step.with as Record<string, string>;
      expect(Object.keys(withInputs).every((name) => name in action.inputs)).toBe(true);
      const result = await runAction(withInputs, stepEnvOf(step));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.outputs).toEqual({ 'exit-code': '0' });
      expect(result.summary).toMatch(/^## merchant-kit verify: Loja Exemplo\n\n\*\*PASS: \d+ passed/);
      const upload = example.uploadPath as string;
      for (const input of ['json', 'junit', 'html'].filter((name) => withInputs[name])) {
        const file = path.join(workspace, withInputs[input]);
        expect(fs.existsSync(file)).toBe(true);
        expect(path.relative(path.join(workspace, upload), file).startsWith('..')).toBe(false);
        expect(fs.readFileSync(file, 'utf8')).not.toContain(TOKEN);
      }
      if (withInputs.json) {
        const report = JSON.parse(fs.readFileSync(path.join(workspace, withInputs.json), 'utf8'));
        expect(report.summary.failed).toBe(0);
        expect(report.summary.passed).toBeGreaterThan(20);
      }
    },
  );

  it("with no-destructive 'true' checks search and validation only: the merchant gets no order", async () => {
    const result = await runAction(
      { config: 'merchant.json', json: 'reports/r.json', 'no-destructive': 'true' },
      { MERCHANT_TOKEN: TOKEN },
    );
    expect(result.code).toBe(0);
    const journal = (await (await fetch(`${mock.origin}/__admin/requests`)).json()) as Array<{ operation?: string }>;
    const operations = new Set(journal.map((entry) => entry.operation));
    expect(operations.has('productSearch')).toBe(true);
    expect(operations.has('orderValidation')).toBe(true);
    for (const operation of ['orderCreation', 'orderCancellation', 'statusNotification'])
      expect(operations.has(operation)).toBe(false);
  });

  it('fails the step with exit-code 1 when the merchant refuses the calls, and still writes the reports', async () => {
    const result = await runAction(
      { config: 'merchant.json', junit: 'reports/omnichat.xml', html: 'reports/omnichat.html' },
      { MERCHANT_TOKEN: 'a-wrong-token' },
    );
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({ 'exit-code': '1' });
    expect(result.stdout).toMatch(/^::error title=productSearch answers-2xx::/m);
    expect(result.summary).toMatch(/^\*\*FAIL: 1 cause to fix/m);
    expect(fs.readFileSync(path.join(workspace, 'reports/omnichat.xml'), 'utf8')).toContain('<failure');
    expect(fs.existsSync(path.join(workspace, 'reports/omnichat.html'))).toBe(true);
  });

  it.each([
    [
      { config: 'merchant.json', 'no-destructive': 'yes' },
      /^::error::input no-destructive is "yes": use 'true' or 'false'$/m,
    ],
    [
      { config: '' },
      /^::error::input config is empty: name the merchant config file, as in 'config: merchant\.json'$/m,
    ],
    [{ config: 'missing.json' }, /^merchant-kit: .*missing\.json/m],
  ])('stops with exit-code 2 and one line naming the mistake: %j', async (withInputs, message) => {
    const result = await runAction(withInputs, { MERCHANT_TOKEN: TOKEN });
    expect(result.code).toBe(2);
    expect(result.outputs).toEqual({ 'exit-code': '2' });
    expect(result.stdout + result.stderr).toMatch(message);
  });
});
