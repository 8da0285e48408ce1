import { translator, type Catalogues, type Lang, type ParamsOf, type Translator } from '../../common/i18n';
import { enAdmin, enProblems } from './en';
import { ptAdmin, ptProblems } from './pt-br';

/**
 * The mock's problem texts (title per problem type, and the details that say how to fix the request)
 * in English and Portuguese; a problem is rendered in the request's Accept-Language (src/mock/problems.ts).
 * The checker's ERROR messages are not here: they stay in pt-BR, as a Brazilian store answers.
 */
const en = { ...enProblems, ...enAdmin } as const;

/** The mock's texts in both languages; pt-BR has exactly the English keys (a type error otherwise). */
export const MOCK_CATALOGUES: Catalogues<typeof en> = { en, 'pt-BR': { ...ptProblems, ...ptAdmin } };

/** A key of the mock's catalogue. */
type MockKey = keyof typeof en;

/** The mock's texts in one language. */
type MockT = Translator<typeof en>;

const made: Partial<Record<Lang, MockT>> = {};

/** The translator of one language (made once). */
export function mockT(lang: Lang): MockT {
  return (made[lang] ??= translator(MOCK_CATALOGUES, lang));
}

/**
 * A problem detail said in the language the problem is rendered in (an HttpProblem's detail): the text
 * is filled in each language it is asked for, the request's when the answer is written.
 */
export function said<K extends MockKey>(key: K, ...params: ParamsOf<(typeof en)[K]>): (lang: Lang) => string {
  return (lang) => (mockT(lang) as (key: K, ...params: ParamsOf<(typeof en)[K]>) => string)(key, ...params);
}
