import type { ErrorObject } from 'ajv';
import localizePtBR from 'ajv-i18n/localize/pt-BR';
import { fill, type Lang } from '../common/i18n';

/**
 * The words a violation message adds to ajv's own ("found ...", "is required but missing", the value
 * described); ajv's part comes from ajv (English) or ajv-i18n (pt-BR), never translated by hand.
 */
const WORDS = {
  en: {
    found: '{expected}, found {found}',
    required: 'is required but missing',
    enum: 'must be one of {values}',
    const: 'must be {value}',
    invalid: 'is invalid',
    nothing: 'nothing',
    array: 'an array of {count}',
    object: 'an object',
    scalar: '{type} {preview}',
    'type.string': 'string',
    'type.number': 'number',
    'type.boolean': 'boolean',
  },
  'pt-BR': {
    found: '{expected}, encontrado {found}',
    required: 'é obrigatório, mas está ausente',
    enum: 'deve ser um destes: {values}',
    const: 'deve ser {value}',
    invalid: 'é inválido',
    nothing: 'nada',
    array: 'uma lista de {count} {count:item|itens}',
    object: 'um objeto',
    scalar: '{type} {preview}',
    'type.string': 'texto',
    'type.number': 'número',
    'type.boolean': 'booleano',
  },
} as const satisfies Record<Lang, Record<string, string>>;

type Word = keyof (typeof WORDS)['en'];
const word = (lang: Lang, key: Word, params?: Record<string, string | number>): string =>
  fill(WORDS[lang][key], params, lang);

/** What a violation was made of, kept so that its message can be said again in another language. */
export interface ViolationParts {
  keyword: string;
  params: Record<string, unknown>;
  /** ajv's own message (English). */
  ajvMessage?: string;
  /** The value found at the pointer, described without its language (see describeFound). */
  found: FoundValue;
}

/** A value found where the contract expected something else, described independently of language. */
type FoundValue =
  | { kind: 'nothing' | 'null' | 'object' }
  | { kind: 'array'; length: number }
  | { kind: 'scalar'; type: string; preview: string };

/** Describes a value for messages: its kind, and for a scalar its type and a bounded preview. */
export function foundValue(value: unknown): FoundValue {
  if (value === undefined) return { kind: 'nothing' };
  if (value === null) return { kind: 'null' };
  if (Array.isArray(value)) return { kind: 'array', length: value.length };
  if (typeof value === 'object') return { kind: 'object' };
  const text = JSON.stringify(value);
  return { kind: 'scalar', type: typeof value, preview: text.length > 60 ? `${text.slice(0, 57)}...` : text };
}

/** A found value in words: "string \"9.99\"", "an array of 3", "nothing" (or their Portuguese). */
export function describeFound(found: FoundValue, lang: Lang = 'en'): string {
  switch (found.kind) {
    case 'nothing':
      return word(lang, 'nothing');
    case 'null':
      return 'null';
    case 'object':
      return word(lang, 'object');
    case 'array':
      return word(lang, 'array', { count: found.length });
    case 'scalar': {
      const typeKey = `type.${found.type}` as Word;
      const type = typeKey in WORDS[lang] ? word(lang, typeKey) : found.type;
      return word(lang, 'scalar', { type, preview: found.preview });
    }
  }
}

/** ajv's message for one error in a language: ajv's English, or ajv-i18n's pt-BR. */
function ajvMessage(parts: ViolationParts, lang: Lang): string {
  if (lang === 'en') return parts.ajvMessage ?? word(lang, 'invalid');
  const copy = { keyword: parts.keyword, params: parts.params, message: parts.ajvMessage } as ErrorObject;
  localizePtBR([copy]);
  return copy.message ?? word(lang, 'invalid');
}

/** What the contract expected, in a language. */
export function expectedText(parts: ViolationParts, lang: Lang = 'en'): string {
  if (parts.keyword === 'required') return word(lang, 'required');
  if (parts.keyword === 'enum')
    return word(lang, 'enum', {
      values: (parts.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', '),
    });
  if (parts.keyword === 'const') return word(lang, 'const', { value: JSON.stringify(parts.params.allowedValue) });
  return ajvMessage(parts, lang);
}

/** The whole message: what was expected and, but for a missing field, what was found. */
export function messageOf(parts: ViolationParts, lang: Lang = 'en'): string {
  const expected = expectedText(parts, lang);
  if (parts.keyword === 'required') return expected;
  return word(lang, 'found', { expected, found: describeFound(parts.found, lang) });
}
