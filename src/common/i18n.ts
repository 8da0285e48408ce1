/**
 * The kit's two languages and the little machinery every layer's catalogue uses: choosing a language
 * (a flag, the locale variables, an Accept-Language header) and filling a template's named placeholders.
 * Catalogues live next to what they translate (src/conformance/i18n, src/mock/i18n, src/contracts).
 */

/** The languages of the kit's human-readable texts; machine-readable parts never change with them. */
export type Lang = 'en' | 'pt-BR';

/** The language of a --lang value ("en", "pt-BR", in any case, "pt_BR" too), or undefined when it is neither. */
export function parseLang(raw: string): Lang | undefined {
  const value = raw.trim().toLowerCase().replace('_', '-');
  if (value === 'en') return 'en';
  if (value === 'pt-br') return 'pt-BR';
  return undefined;
}

/** True for a locale name or language tag whose language is Portuguese ("pt_BR.UTF-8", "pt", "pt-BR"). */
function isPortuguese(tag: string): boolean {
  return /^pt(?:$|[-_.@])/i.test(tag.trim());
}

/**
 * The language the locale variables ask for, as POSIX reads them: LC_ALL, else LC_MESSAGES, else LANG
 * (the first that is set and not empty). A Portuguese locale gives pt-BR; anything else, C, POSIX or
 * nothing at all gives English.
 */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale !== undefined && isPortuguese(locale) ? 'pt-BR' : 'en';
}

/**
 * The language of an Accept-Language header (RFC 9110): the preferred tag (highest q, the first among
 * equals) that is English or Portuguese wins; q=0 refuses a language; no header, or none of ours, is English.
 */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (header === undefined || header === '') return 'en';
  let best: Lang = 'en';
  let bestQ = -1;
  // Bounded: a hostile header of thousands of tags is read to its first 32.
  for (const part of header.split(',', 32)) {
    const [tag = '', ...params] = part.split(';');
    const lang = isPortuguese(tag) ? 'pt-BR' : /^\s*(en(?:$|[-_\s])|\*)/i.test(tag) ? 'en' : undefined;
    if (lang === undefined) continue;
    const q = qualityOf(params);
    if (q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return bestQ > 0 ? best : 'en';
}

/** The q parameter of one Accept-Language entry (1 when absent, 0 when malformed). */
function qualityOf(params: string[]): number {
  for (const param of params) {
    const match = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
    if (match) {
      const q = Number(match[1]);
      return Number.isFinite(q) && q >= 0 && q <= 1 ? q : 0;
    }
  }
  return 1;
}

/** A value a template takes: text, a number, or a text that itself depends on the language. */
type Param = string | number | ((lang: Lang) => string);
type Params = Record<string, Param>;

/** The names a template's placeholders use: `{name}`, and `{name:one|other}` (a plural choice on a number). */
type Names<S extends string> = S extends `${string}{${infer Inner}}${infer Rest}` ? NameIn<Inner> | Names<Rest> : never;

/**
 * The placeholder name between one pair of braces; a JSON example a text shows (`{"quantity": N}`) has
 * quotes or spaces and is no placeholder, as `fill` sees it too (a name is word characters only).
 */
type NameIn<Inner extends string> = Inner extends `${infer Name}:${string}` ? WordOnly<Name> : WordOnly<Inner>;
type WordOnly<Name extends string> = Name extends `${string}${'"' | ' ' | '{' | ','}${string}` ? never : Name;

/** The params a template needs: none, or exactly its placeholders' names. */
export type ParamsOf<S extends string> = [Names<S>] extends [never] ? [] : [params: Record<Names<S>, Param>];

const PLACEHOLDER = /\{(\w+)(?::([^{}|]*)\|([^{}]*))?\}/g;

/**
 * Fills a template: `{name}` becomes the param, `{name:one|other}` the first form when the param is
 * 1 and the second otherwise ("{count} {count:check|checks}"). A missing param is left as written,
 * so a mistake shows in the text instead of throwing in the middle of a report.
 */
export function fill(template: string, params: Params = {}, lang: Lang = 'en'): string {
  return template.replace(PLACEHOLDER, (whole, name: string, one?: string, other?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (one !== undefined) return Number(value) === 1 ? one : (other ?? '');
    return typeof value === 'function' ? value(lang) : String(value);
  });
}

/** The placeholder names a template uses, sorted and without repeats (the catalogue tests compare them). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/** One catalogue per language; the pt-BR one must have every key the English one has. */
export type Catalogues<E extends Record<string, string>> = { en: E; 'pt-BR': { readonly [K in keyof E]: string } };

/** Renders a catalogue's messages in one language; its params are checked against the English template. */
export interface Translator<E extends Record<string, string>> {
  <K extends keyof E & string>(key: K, ...params: ParamsOf<E[K]>): string;
  readonly lang: Lang;
}

/** A translator for one language of a pair of catalogues. */
export function translator<E extends Record<string, string>>(catalogues: Catalogues<E>, lang: Lang): Translator<E> {
  const catalogue = catalogues[lang];
  const t = (key: keyof E & string, params?: Params): string => fill(catalogue[key] ?? String(key), params, lang);
  return Object.assign(t, { lang }) as unknown as Translator<E>;
}
