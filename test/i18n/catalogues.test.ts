import { fill, langFromAcceptLanguage, langFromEnv, parseLang, placeholdersOf } from '../../src/common/i18n';
import { localizeViolation, validate, violationSides } from '../../src/contracts';
import { CATALOGUES } from '../../src/conformance/i18n';
import fs from 'node:fs';
import path from 'node:path';
import { PROBLEM_TYPES } from '../../src/mock';
import { MOCK_CATALOGUES } from '../../src/mock/i18n';

// The pt-BR catalogues are typed as Record<keyof typeof en, string>: a missing key does not compile.
// These tests add what types cannot see: the same keys at run time, the same placeholders, real Portuguese.
describe.each([
  ['verify', CATALOGUES],
  ['mock', MOCK_CATALOGUES],
] as const)('the %s catalogue', (_name, catalogues) => {
  const en = catalogues.en as Record<string, string>;
  const pt = catalogues['pt-BR'] as Record<string, string>;

  it('has exactly the same keys in both languages', () => {
    expect(Object.keys(pt).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = Object.keys(en).filter(
      (key) => placeholdersOf(en[key]).join() !== placeholdersOf(pt[key]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('is translated: Portuguese differs from English except for texts made only of names and values', () => {
    const same = Object.keys(en).filter(
      (key) => en[key] === pt[key] && /[a-z]{4,}/.test(en[key].replace(/\{[^}]*\}/g, '')),
    );
    // Kept as they are on purpose: a curl label, verify's own name, a status word of HTTP, a flag's name,
    // a journey's search step (query parameters and their values).
    expect(
      same.filter(
        (key) =>
          !/^(label\.curl|html\.title|answer\.|search\.listIds|catalogue-sanity\.|cart\.single|creation-idempotent\.callback|usage\.configUnreadable|explore\.searchStep)/.test(
            key,
          ),
      ),
    ).toEqual([]);
  });
});

describe("the mock's problem texts", () => {
  it('titles every problem type, in English as the error catalogue does', () => {
    const en = MOCK_CATALOGUES.en as Record<string, string>;
    for (const [type, { title }] of Object.entries(PROBLEM_TYPES)) expect(en[`title.${type}`]).toBe(title);
  });

  it('is where every problem the mock throws takes its detail from: no English-only text at a throw site', () => {
    const files = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
        .filter((f) => f.endsWith('.ts'));
    const untranslated = files(path.join(__dirname, '../../src/mock')).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/new HttpProblem\(\s*'[a-z-]+',\s*[`'"]/g)].map(
        (m) => `${path.basename(file)}: ${m[0]}`,
      ),
    );
    expect(untranslated).toEqual([]);
  });
});

describe("verify's usage errors", () => {
  it('are all said through the catalogue: no English-only text at a throw site of verify', () => {
    const files = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
        .filter((f) => f.endsWith('.ts') && !f.endsWith(path.join('i18n', 'usage.ts')));
    const cli = path.join(__dirname, '../../src/cli');
    const verifyFiles = [
      ...files(path.join(__dirname, '../../src/conformance')),
      ...fs
        .readdirSync(cli)
        .filter((f) => /^(verify-|lang-option)/.test(f))
        .map((f) => path.join(cli, f)),
    ];
    const untranslated = verifyFiles.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/new UsageError\(/g)].map(() => path.basename(file)),
    );
    expect(verifyFiles.length).toBeGreaterThan(40);
    expect(untranslated).toEqual([]);
  });
});

describe('choosing the language', () => {
  it('reads --lang values in any case, and refuses anything else', () => {
    expect(parseLang('en')).toBe('en');
    expect(parseLang('pt-BR')).toBe('pt-BR');
    expect(parseLang('PT_br')).toBe('pt-BR');
    expect(parseLang('fr')).toBeUndefined();
    expect(parseLang('pt-PT')).toBeUndefined();
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG; a Portuguese locale is pt-BR, C and POSIX are English', () => {
    expect(langFromEnv({})).toBe('en');
    expect(langFromEnv({ LANG: 'pt_BR.UTF-8' })).toBe('pt-BR');
    expect(langFromEnv({ LANG: 'pt' })).toBe('pt-BR');
    expect(langFromEnv({ LANG: 'pt_BR.UTF-8', LC_MESSAGES: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: 'pt_BR.UTF-8', LC_MESSAGES: 'C' })).toBe('pt-BR');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'pt_BR.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: '', LANG: 'pt_BR.UTF-8' })).toBe('pt-BR');
    expect(langFromEnv({ LANG: 'POSIX' })).toBe('en');
    expect(langFromEnv({ LANG: 'es_ES.UTF-8' })).toBe('en');
  });

  it('honours Accept-Language with its q-values, English by default', () => {
    expect(langFromAcceptLanguage(undefined)).toBe('en');
    expect(langFromAcceptLanguage('pt-BR')).toBe('pt-BR');
    expect(langFromAcceptLanguage('pt-BR,pt;q=0.9,en;q=0.8')).toBe('pt-BR');
    expect(langFromAcceptLanguage('en-US,en;q=0.9,pt-BR;q=0.8')).toBe('en');
    expect(langFromAcceptLanguage('en;q=0.5, pt-BR;q=0.9')).toBe('pt-BR');
    expect(langFromAcceptLanguage('fr-FR, pt;q=0.4')).toBe('pt-BR');
    expect(langFromAcceptLanguage('pt-BR;q=0')).toBe('en');
    expect(langFromAcceptLanguage('de, fr')).toBe('en');
    expect(langFromAcceptLanguage(`${'x;q=1,'.repeat(10_000)}pt-BR`)).toBe('en');
  });

  it('fills named placeholders and plural choices', () => {
    expect(fill('{count} {count:check|checks}', { count: 1 })).toBe('1 check');
    expect(fill('{count} {count:check|checks}', { count: 3 })).toBe('3 checks');
    expect(fill('{a} and {b}', { a: 'x', b: (lang) => `in ${lang}` }, 'pt-BR')).toBe('x and in pt-BR');
  });
});

describe('contract violations in Portuguese (ajv-i18n for ajv, the catalogue for the rest)', () => {
  const order = { status: 'CREATED', items: [{ objectId: 'l-1', quantity: 'two' }] };

  it('says what was expected and what was found, with the same pointers and keywords in both languages', () => {
    const en = validate('orderValidation', 'request', order);
    const pt = validate('orderValidation', 'request', order, 'pt-BR');
    expect(pt.map((v) => [v.pointer, v.keyword])).toEqual(en.map((v) => [v.pointer, v.keyword]));
    const type = pt.find((v) => v.keyword === 'type');
    expect(type?.message).toMatch(/^deve ser (um número|um número inteiro), encontrado texto "two"$/);
    expect(pt.find((v) => v.keyword === 'required')?.message).toBe('é obrigatório, mas está ausente');
    // A violation said in one language can be said again in the other, as the mock renders it per request.
    expect(localizeViolation(en[0], 'pt-BR').message).toBe(pt[0].message);
    expect(violationSides(type!, 'pt-BR').received).toBe('texto "two"');
    expect(JSON.stringify(en[0])).not.toMatch(/parts/);
  });
});

// Words a Brazilian developer would not expect in Portuguese text: each has the Portuguese word the
// catalogues and README.pt-BR.md use (cabeçalho, requisição, verificação, ...). Names stay as they
// are: ids, keys, flags, enum values, quoted values and code are taken out before the words are read,
// and the status words the docs promise (pass, fail, warn, error, skip) are allowed.
const ENGLISH_WORDS = [
  'the',
  'and',
  'of',
  'with',
  'to',
  'not',
  'is',
  'are',
  'was',
  'could',
  'cannot',
  'must',
  'should',
  'check',
  'checks',
  'checked',
  'found',
  'expected',
  'received',
  'more',
  'also',
  'where',
  'why',
  'what',
  'fix',
  'header',
  'headers',
  'runner',
  'payload',
  'payloads',
  'entry',
  'entries',
  'warning',
  'warnings',
  'passed',
  'failed',
  'skipped',
  'request',
  'requests',
  'response',
  'responses',
  'answer',
  'answered',
  'dashboard',
  'because',
  'summary',
  'note',
  'missing',
  'invalid',
  'unknown',
  'order',
  'orders',
  'product',
  'products',
  'variant',
  'variants',
  'stock',
  'freight',
  'line',
  'lines',
  'cart',
  'field',
  'fields',
  'coverage',
  'report',
  'reports',
  'file',
  'directory',
  'delay',
  'characters',
  'only',
  'quoted',
  'options',
  'wrong',
  'type',
];
const STATUS_WORDS = new Set(['pass', 'fail', 'warn', 'error', 'skip']);

/** The words of a Portuguese text that are read as words: names, values and code taken out. */
function wordsOf(text: string): string[] {
  const prose = text
    .replace(/\{[^{}]*\}/g, ' ') // placeholders
    .replace(/`[^`]*`/g, ' ') // code
    .replace(/"[^"]*"|'[^']*'|<[^<>]*>/g, ' ') // quoted values, <placeholders>
    .replace(/\S*[-_./=:@$#[\]()]\S*/g, (token) => (/^[\p{L}]+[.,:;()]?$/u.test(token) ? token : ' ')); // ids, flags, URLs, paths
  return (prose.match(/[\p{L}]+/gu) ?? []).filter(
    (word) => !/[a-z][A-Z]/.test(word) && !/^[A-Z0-9]{2,}$/.test(word), // camelCase names, ERROR, INFO, HTTP
  );
}

describe.each([
  ['verify', CATALOGUES['pt-BR'] as Record<string, string>],
  ['mock', MOCK_CATALOGUES['pt-BR'] as Record<string, string>],
] as const)('the Portuguese %s catalogue', (_name, pt) => {
  it('has no English word left, but for the status words the docs promise', () => {
    const english = new Set(ENGLISH_WORDS);
    const left = Object.entries(pt).flatMap(([key, text]) =>
      wordsOf(text)
        .filter((word) => english.has(word.toLowerCase()) && !STATUS_WORDS.has(word))
        .map((word) => `${key}: ${word}`),
    );
    expect(left).toEqual([]);
  });
});

describe('the English-word test itself', () => {
  it('finds English in a Portuguese sentence and leaves names, values and code alone', () => {
    expect(wordsOf('respondeu HTTP 401 aos headers configurados')).toContain('headers');
    expect(wordsOf('INFO entries: shippingMethod')).toContain('entries');
    expect(
      wordsOf('o cabeçalho {header} em `--header "Name: value"`, veja response-contract e variants[].salePrice'),
    ).toEqual(['o', 'cabeçalho', 'em', 'veja', 'e']);
  });
});
