import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { urlsUnder } from '../../src/conformance/config/load-config';
import { runCli } from '../support/run-cli';

// verify's usage mistakes in the merchant's language: the same one line and exit code 2, said in
// Portuguese under a pt_BR locale or --lang pt-BR, and in English under --lang en whatever the locale.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-usage-lang-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PT = { LANG: 'pt_BR.UTF-8' };

// Nothing listens on port 1: every mistake here is found before a request would be sent.
const URLS = urlsUnder('http://127.0.0.1:1/v1');

function file(name: string, text: string): string {
  const where = path.join(dir, name);
  fs.writeFileSync(where, text);
  return where;
}

/** Exactly one line on stderr, exit 2, an empty stdout. */
async function oneLine(args: string[], env: NodeJS.ProcessEnv = PT): Promise<string> {
  const result = await runCli(args, { env });
  expect(result.stdout).toBe('');
  expect(result.code).toBe(2);
  expect(result.stderr.split('\n')).toHaveLength(2);
  return result.stderr.trimEnd();
}

describe("verify's usage mistakes in Portuguese", () => {
  it('names the nearest config key in pt-BR under a pt_BR locale, and in English with --lang en', async () => {
    const { productSearch, ...others } = URLS;
    const config = file('typo.json', JSON.stringify({ urls: { productSerch: productSearch, ...others } }));
    expect(await oneLine(['verify', '--config', config])).toBe(
      'merchant-kit: typo.json: chave desconhecida "urls.productSerch": você quis dizer "urls.productSearch"?',
    );
    expect(await oneLine(['verify', '--config', config, '--lang', 'en'])).toBe(
      'merchant-kit: typo.json: unknown key "urls.productSerch": did you mean "urls.productSearch"?',
    );
    expect(await oneLine(['verify', '--config', config, '--lang', 'pt-BR'], {})).toContain('chave desconhecida');
  });

  it("says commander's own errors in pt-BR, from the locale or from --lang on the command line", async () => {
    expect(await oneLine(['verify', '--concurency', '3'])).toBe(
      "merchant-kit verify: opção desconhecida '--concurency' (você quis dizer --concurrency?); execute merchant-kit help verify para ver as opções",
    );
    expect(await oneLine(['verify', '--lang', 'pt-BR', '--only'], {})).toBe(
      "merchant-kit verify: a opção '--only <ops>' precisa de um valor; execute merchant-kit help verify para ver as opções",
    );
    expect(await oneLine(['verify', '--lang=en', '--bogus'])).toBe(
      "merchant-kit verify: unknown option '--bogus'; run merchant-kit help verify for its flags",
    );
  });

  it('says a bad --lang in the locale language (there is no other to say it in)', async () => {
    expect(await oneLine(['verify', '--lang', 'fr', '--base-url', 'http://127.0.0.1:1/v1'])).toBe(
      'merchant-kit: --lang "fr": use en ou pt-BR',
    );
  });

  it('keeps a header value out of a Portuguese message too', async () => {
    const line = await oneLine(['verify', '--base-url', 'http://127.0.0.1:1/v1', '--header', 'Bearer s3cr3t-t0ken']);
    expect(line).toBe('merchant-kit: --header: o formato esperado é "Nome: valor", e veio "Bearer ***"');
    expect(line).not.toContain('s3cr3t');
  });

  it.each([
    [['verify'], 'merchant-kit: nada a verificar: use --config ARQUIVO ou --base-url URL'],
    [
      ['verify', 'http://127.0.0.1:1/v1'],
      'merchant-kit: o verify recebe a URL base do lojista como opção: merchant-kit verify --base-url http://127.0.0.1:1/v1',
    ],
    [
      ['verify', '--base-url', 'http://127.0.0.1:1/v1', '--only', 'productsearch'],
      'merchant-kit: --only: operação desconhecida "productsearch": você quis dizer "productSearch"? (use productSearch, orderValidation, orderCreation, orderCancellation, statusNotification)',
    ],
    [
      ['verify', '--base-url', 'http://127.0.0.1:1/v1', '--run-id', 'a b'],
      'merchant-kit: --run-id "a b": use de 1 a 32 letras, dígitos ou hífens',
    ],
    [
      ['verify', '--base-url', 'http://127.0.0.1:1/v1', '--concurrency', '99'],
      'merchant-kit: --concurrency "99" não é um número inteiro de 1 a 16',
    ],
    [
      ['verify', '--base-url', 'ftp://127.0.0.1/v1'],
      'merchant-kit: --base-url precisa ser uma URL http ou https, não ftp',
    ],
    [
      ['verify', '--base-url', 'http://127.0.0.1:1/v1', '--ca', os.tmpdir()],
      `merchant-kit: --ca ${os.tmpdir()} não é um arquivo: informe um arquivo PEM com os certificados da CA`,
    ],
    [
      ['verify', '--config', path.join(os.tmpdir(), 'mk-no-such-config.json')],
      `merchant-kit: --config ${path.join(os.tmpdir(), 'mk-no-such-config.json')}: o arquivo não existe`,
    ],
  ])('says %j in Portuguese', async (args, message) => {
    expect(await oneLine(args)).toBe(message);
  });

  it('says config file problems in Portuguese: JSON syntax, an unset variable, a wrong type (ajv-i18n)', async () => {
    const broken = file('broken.json', '{"urls": {,}}');
    expect(await oneLine(['verify', '--config', broken])).toMatch(
      /^merchant-kit: --config broken\.json não é JSON: .* na linha 1, coluna 11 \(o texto não é mostrado: pode conter o valor de um cabeçalho\)$/,
    );
    const unset = file('unset.json', JSON.stringify({ urls: URLS, headers: [{ key: 'X', value: '${MK_UNSET_VAR}' }] }));
    expect(await oneLine(['verify', '--config', unset])).toBe(
      'merchant-kit: unset.json: headers[0].value usa ${MK_UNSET_VAR}, que não está definida no ambiente: exporte MK_UNSET_VAR ou escreva o valor',
    );
    const typed = file('typed.json', JSON.stringify({ urls: URLS, timeoutMs: 'a' }));
    expect(await oneLine(['verify', '--config', typed])).toBe(
      'merchant-kit: typed.json: "timeoutMs" deve ser um número inteiro',
    );
  });

  it('says a proxy variable verify cannot use in Portuguese', async () => {
    expect(
      await oneLine(['verify', '--base-url', 'http://127.0.0.1:1/v1'], {
        ...PT,
        HTTPS_PROXY: 'socks5://127.0.0.1:1080',
      }),
    ).toBe(
      'merchant-kit: HTTPS_PROXY usa socks5://, que o verify não suporta: use um proxy HTTP (http://host:porta) ou remova HTTPS_PROXY',
    );
  });

  it('says a busy --callback-port in Portuguese', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as net.AddressInfo;
    try {
      expect(await oneLine(['verify', '--base-url', 'http://127.0.0.1:1/v1', '--callback-port', String(port)])).toBe(
        `merchant-kit: --callback-port ${port}: não foi possível escutar em 127.0.0.1:${port} (a porta está em uso); escolha outra porta`,
      );
    } finally {
      busy.close();
    }
  });
});
