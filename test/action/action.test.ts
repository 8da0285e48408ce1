import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { PACKAGE_ROOT } from '../../src/contracts';
import { runToEnd, type Finished } from '../support/child-process';
import { startServe, type ServeChild } from '../support/serve-child';
import { ciExamples, type WorkflowStep } from './ci-examples';

// The GitHub Action (action.yml) run the way a runner runs a composite action: its `run:` steps in
// order, in bash with -eo pipefail, with the environment the runner would give them (the step's `env`
// with `${{ inputs.* }}` filled in from `with:` and the defaults, GITHUB_ACTION_PATH pointing at the
// action's checkout, GITHUB_WORKSPACE, GITHUB_OUTPUT), against the mock merchant. The inputs come from
// the CI examples in docs/verify.md and both READMEs, so the examples are what is tested.

const SETUP_TIMEOUT_MS = 600000;
const TOKEN = 'action-test-token-7f3a';

interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}
interface Action {
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: WorkflowStep[] };
}

const action = YAML.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'action.yml'), 'utf8')) as Action;
const steps = action.runs.steps;
const verifyStep = steps.find((step) => step.id === 'verify') as WorkflowStep;

let tmp: string;
let actionPath: string;
let workspace: string;
let mock: ServeChild;

/** Fills `${{ inputs.x }}` from `with:` (or the input's default); any other expression fails the test. */
function evaluate(value: string, withInputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_all, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (!input || !(input[1] in action.inputs))
      throw new Error(`action.yml uses an expression the test cannot fill: ${expression}`);
    return withInputs[input[1]] ?? action.inputs[input[1]].default ?? '';
  });
}

/** Runs one `run:` step as the runner would (bash, -eo pipefail, cwd = workspace). */
async function runStep(
  step: WorkflowStep,
  withInputs: Record<string, string>,
  stepEnv: Record<string, string> = {},
): Promise<Finished & { outputs: Record<string, string> }> {
  const outputFile = path.join(tmp, `output-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...stepEnv,
    PATH: [path.dirname(process.execPath), process.env.PATH].join(path.delimiter),
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: actionPath,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: tmp,
  };
  for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(String(value), withInputs);
  const result = await runToEnd('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run as string], {
    cwd: workspace,
    env,
    timeoutMs: SETUP_TIMEOUT_MS,
  });
  const outputs = Object.fromEntries(
    fs
      .readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('=', 2) as [string, string]),
  );
  return { ...result, outputs };
}

/** The workflow's `env:` for the action step, with `${{ secrets.* }}` given the test's token. */
function stepEnvOf(step: WorkflowStep): Record<string, string> {
  return Object.fromEntries(
    Object.entries(step.env ?? {}).map(([name, value]) => [name, String(value).replace(/\$\{\{[^}]*\}\}/g, TOKEN)]),
  );
}

/** The files a checkout of this repository holds: tracked ones and new ones that are not ignored. */
function copyCheckout(to: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const from = path.join(PACKAGE_ROOT, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree, not yet committed
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.copyFileSync(from, path.join(to, file));
  }
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-action-'));
  actionPath = path.join(tmp, 'action');
  workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  copyCheckout(actionPath);
  mock = await startServe(['--quiet', '--auth', `Authorization: Bearer ${TOKEN}`]);
  // The merchant's config, as the examples expect it in the repository root: the example config
  // pointed at the mock, with the token read from the environment.
  const config = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'merchant.example.json'), 'utf8'));
  for (const [operation, url] of Object.entries(config.urls as Record<string, string>))
    config.urls[operation] = url.replace('http://127.0.0.1:4010', mock.origin);
  config.headers = [{ key: 'Authorization', value: 'Bearer ${MERCHANT_TOKEN}' }];
  fs.writeFileSync(path.join(workspace, 'merchant.json'), JSON.stringify(config, null, 2));
  // Every step before verify (the install) runs once for the whole file.
  for (const step of steps.slice(0, steps.indexOf(verifyStep))) {
    if (step.run === undefined) continue;
    // The packages come from npm's cache when they are there (npm ci has just filled it on CI): the
    // test is about the action's steps, not about the registry's speed.
    const installed = await runStep(step, {}, { npm_config_prefer_offline: 'true' });
    expect(installed).toMatchObject({ code: 0 });
  }
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await mock?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  fs.rmSync(path.join(workspace, 'reports'), { recursive: true, force: true });
  await fetch(`${mock.origin}/__admin/reset`, { method: 'POST' });
});

describe('action.yml', () => {
  it('is a composite action that sets up Node 20 with actions/setup-node, installs and verifies, and uploads nothing', () => {
    expect(action.runs.using).toBe('composite');
    const uses = steps.filter((step) => step.uses !== undefined);
    expect(uses).toEqual([expect.objectContaining({ uses: 'actions/setup-node@v4', with: { 'node-version': '20' } })]);
    expect(steps.indexOf(uses[0])).toBe(0);
    expect(Object.keys(action.inputs).sort()).toEqual(['config', 'html', 'json', 'junit', 'no-destructive']);
    expect(action.inputs.config.required).toBe(true);
    expect(action.outputs['exit-code'].value).toBe('${{ steps.verify.outputs.exit-code }}');
    for (const step of steps.filter((s) => s.run !== undefined)) expect(step.shell).toBe('bash');
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
      const result = await runStep(verifyStep, withInputs, stepEnvOf(step));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.outputs).toEqual({ 'exit-code': '0' });
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
    const result = await runStep(
      verifyStep,
      { config: 'merchant.json', json: 'reports/r.json', 'no-destructive': 'true' },
      {
        MERCHANT_TOKEN: TOKEN,
      },
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
    const result = await runStep(
      verifyStep,
      { config: 'merchant.json', junit: 'reports/omnichat.xml', html: 'reports/omnichat.html' },
      { MERCHANT_TOKEN: 'a-wrong-token' },
    );
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({ 'exit-code': '1' });
    expect(fs.readFileSync(path.join(workspace, 'reports/omnichat.xml'), 'utf8')).toContain('<failure');
    expect(fs.existsSync(path.join(workspace, 'reports/omnichat.html'))).toBe(true);
  });

  it.each([
    [{ config: 'merchant.json', 'no-destructive': 'yes' }, /no-destructive is 'yes': use 'true' or 'false'/],
    [{ config: 'missing.json' }, /missing\.json/],
  ])('stops with exit-code 2 and a message naming the mistake: %j', async (withInputs, message) => {
    const result = await runStep(verifyStep, withInputs, { MERCHANT_TOKEN: TOKEN });
    expect(result.code).toBe(2);
    expect(result.outputs).toEqual({ 'exit-code': '2' });
    expect(result.stdout + result.stderr).toMatch(message);
  });
});
