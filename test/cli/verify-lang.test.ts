import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMerchant, type RunningMerchant } from '../conformance/merchants/reference-merchant';
import { reportFiles } from '../support/report-files';
import { runCli } from '../support/run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-verify-lang-'));
let merchant: RunningMerchant;

beforeAll(async () => {
  merchant = await startMerchant({ auth: { key: 'Authorization', value: 'Bearer right' } });
});
afterAll(async () => {
  await merchant.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A wrong token on every call: the failing run the README shows. */
const wrongToken = (extra: string[] = [], env: NodeJS.ProcessEnv = {}) =>
  runCli(
    [
      'verify',
      '--base-url',
      merchant.baseUrl,
      '--header',
      'Authorization: Bearer wrong',
      '--run-id',
      'lang-1',
      ...extra,
    ],
    {
      env,
    },
  );

describe('merchant-kit verify in Portuguese', () => {
  it('writes the console in pt-BR with --lang, the same bytes run after run, ids and statuses unchanged', async () => {
    const first = await wrongToken(['--lang', 'pt-BR']);
    const second = await wrongToken(['--lang', 'pt-BR']);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout).toContain('REPROVADO: 1 causa a corrigir');
    expect(first.stdout).toContain('O que corrigir:');
    expect(first.stdout).toMatch(/1\. productSearch answers-2xx: confira os valores dos cabeçalhos/);
    expect(first.stdout).toMatch(/ {8}encontrado: respondeu HTTP 401 aos cabeçalhos configurados/);
    expect(first.stdout).toMatch(/ {8}recebido: {3}HTTP 401: /);
    expect(first.stdout).toMatch(/ {8}esperado: {3}2xx/);
    expect(first.stdout).toMatch(/por causa disso, \d+ verificações não puderam ser feitas/);
    expect(first.stdout).toMatch(
      /resumo: \d+ aprovadas?, \d+ reprovadas?, \d+ avisos?, \d+ não puderam ser verificadas, \d+ ignoradas?/,
    );
    // Check ids, statuses and operation ids are the machine's words: the same in every language.
    expect(first.stdout).toMatch(/ {2}fail {2}answers-2xx/);
    const english = await wrongToken(['--lang', 'en']);
    expect(english.stdout).toContain('What to fix:');
    expect(english.stdout).not.toMatch(/ã|ç|é/);
  });

  it('takes the language from LC_ALL, LC_MESSAGES and LANG, in that order', async () => {
    const pt = await wrongToken(['--only', 'productSearch'], { LANG: 'pt_BR.UTF-8' });
    expect(pt.stdout).toContain('O que corrigir:');
    const overridden = await wrongToken(['--only', 'productSearch'], { LANG: 'pt_BR.UTF-8', LC_ALL: 'C' });
    expect(overridden.stdout).toContain('What to fix:');
    const messages = await wrongToken(['--only', 'productSearch'], { LANG: 'en_US.UTF-8', LC_MESSAGES: 'pt_BR' });
    expect(messages.stdout).toContain('O que corrigir:');
  });

  it('writes JSON, JUnit and HTML in pt-BR; the JSON keeps its keys and ids, and adds meta.lang', async () => {
    const pt = reportFiles(dir, 'pt');
    const en = reportFiles(dir, 'en');
    await wrongToken(['--lang', 'pt-BR', ...pt.flags]);
    await wrongToken(['--lang', 'en', ...en.flags]);
    const [ptJson, enJson] = [pt.json, en.json].map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
    expect(ptJson.meta.lang).toBe('pt-BR');
    expect(enJson.meta.lang).toBe('en');
    const shape = (r: {
      operations: { operation: string; status: string; checks: { id: string; status: string }[] }[];
    }) => r.operations.map((op) => [op.operation, op.status, op.checks.map((c) => [c.id, c.status])]);
    expect(shape(ptJson)).toEqual(shape(enJson));
    expect(Object.keys(ptJson).sort()).toEqual(Object.keys(enJson).sort());
    expect(ptJson.operations[1].checks[1].message).toMatch(/^não foi possível verificar: /);
    const html = fs.readFileSync(pt.html, 'utf8');
    expect(html).toContain('<html lang="pt-BR">');
    expect(html).toContain('O que corrigir');
    expect(html).toContain('Por que a OmniChat precisa disso:');
    expect(fs.readFileSync(en.html, 'utf8')).toContain('<html lang="en">');
    expect(fs.readFileSync(pt.junit, 'utf8')).toMatch(/correção: confira os valores dos cabeçalhos/);
  });

  it('refuses an unknown --lang in one line naming the flag, exit 2', async () => {
    const result = await runCli(['verify', '--base-url', merchant.baseUrl, '--lang', 'fr']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--lang "fr": use en or pt-BR/);
  });
});

describe('merchant-kit validate in Portuguese', () => {
  it('prints the violations in pt-BR with --lang pt-BR, pointers and keywords unchanged', async () => {
    const file = path.join(dir, 'cart.json');
    fs.writeFileSync(file, JSON.stringify({ status: 'CREATED', items: [{ objectId: 'l-1', quantity: 'two' }] }));
    const result = await runCli(['validate', 'orderValidation', 'request', file, '--lang', 'pt-BR']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^inválido: \d+ violaç(ão|ões) do contrato de requisição de orderValidation/);
    expect(result.stdout).toMatch(/\/objectId: é obrigatório, mas está ausente \[required\]/);
    expect(result.stdout).toMatch(/\/items\/0\/quantity: deve ser [^\n]*, encontrado texto "two" \[type\]/);
  });
});
