import { langFromEnv, parseLang, type Lang } from '../common/i18n';
import { UsageError } from '../common/usage-error';

/** The language a command writes in: --lang when given (en or pt-BR), else the locale variables. */
export function langOption(raw: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (raw === undefined) return langFromEnv(env);
  const lang = parseLang(raw);
  if (lang === undefined) throw new UsageError(`--lang ${JSON.stringify(raw.slice(0, 40))}: use en or pt-BR`);
  return lang;
}
