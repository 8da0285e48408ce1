import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { FIXTURES_DIR } from '../../src/contracts';
import { runCli } from '../support/run-cli';

const example = (relative: string) => path.join(FIXTURES_DIR, 'examples', relative);
let scratch: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-validate-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('merchant-kit validate', () => {
  it('exits 0 and says valid for a documented payload file', async () => {
    const result = await runCli([
      'validate',
      'orderValidation',
      'request',
      example('orderValidation/request.documented.json'),
    ]);
    expect(result).toMatchObject({ code: 0, stdout: 'valid: the orderValidation request contract holds\n' });
  });

  it('exits 1 and prints pointer, expectation and value found for each violation', async () => {
    const file = write('wrapped.json', JSON.stringify({ products: [], total: 0 }));
    const result = await runCli(['validate', 'productSearch', 'response', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'invalid: 1 violation of the productSearch response contract\n  (root): must be array, found an object [type]\n',
    );
  });

  it('reads standard input when the file is -', async () => {
    const result = await runCli(['validate', 'orderCreation', 'request', '-'], {
      input: '{"objectId":"x","items":[{"price":"10"}]}',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('/items/0/price: must be number, found string "10" [type]');
  });

  it('validates a productSearch query given as a JSON object of parameters', async () => {
    const result = await runCli(['validate', 'productSearch', 'request', '-'], { input: '{"size":"500"}' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('/size: must be <= 100');
  });

  it('validates the callbacks a merchant sends to OmniChat', async () => {
    const result = await runCli(['validate', 'provisions', 'request', example('provisions/request.success.json')]);
    expect(result.code).toBe(0);
  });

  it.each([
    [
      'an unknown operation',
      ['validate', 'orderChecker', 'request', '-'],
      /unknown operation "orderChecker": use one of productSearch, orderValidation/,
    ],
    [
      'an unknown kind',
      ['validate', 'orderCreation', 'body', '-'],
      /unknown kind "body": use one of request, response/,
    ],
    [
      'a missing file',
      ['validate', 'orderCreation', 'request', '/nonexistent/order.json'],
      /cannot read \/nonexistent\/order.json: no such file/,
    ],
    ['a directory', ['validate', 'orderCreation', 'request', os.tmpdir()], /cannot read .*: it is a directory/],
    ['a response of a callback', ['validate', 'statusChange', 'response', '-'], /only its request has a contract/],
    ['a missing argument', ['validate', 'orderCreation'], /missing required argument/],
  ])('exits 2 with a one-line message for %s', async (_label, args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 and says the input is not JSON', async () => {
    const result = await runCli(['validate', 'orderCreation', 'request', write('bad.json', '{"objectId": ')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^merchant-kit: .*bad\.json is not JSON: /);
  });
});

describe('merchant-kit contracts', () => {
  it('prints the OpenAPI document as YAML by default', async () => {
    const result = await runCli(['contracts']);
    expect(result.code).toBe(0);
    expect(YAML.parse(result.stdout).openapi).toBe('3.1.0');
  });

  it('prints it as JSON with --format json', async () => {
    const result = await runCli(['contracts', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(Object.keys(JSON.parse(result.stdout).paths)).toContain('/v1/orders/orderchecker');
  });

  it('exits 2 naming --format for an unknown format', async () => {
    const result = await runCli(['contracts', '--format', 'xml']);
    expect(result).toMatchObject({
      code: 2,
      stderr: 'merchant-kit: --format "xml" is not supported: use yaml or json\n',
    });
  });
});
