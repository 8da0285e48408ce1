import { langFromEnv, parseLang, type Lang } from '../common/i18n';
import { usageError } from '../conformance/i18n/usage';

/** The language a command writes in: --lang when given (en or pt-BR), else the locale variables. */
export function langOption(raw: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (raw === undefined) return langFromEnv(env);
  const lang = parseLang(raw);
  if (lang === undefined) throw usageError('usage.lang', { value: JSON.stringify(raw.slice(0, 40)) });
  return lang;
}
