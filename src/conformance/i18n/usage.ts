import type { Lang, ParamsOf } from '../../common/i18n';
import { UsageError } from '../../common/usage-error';
import type { enUsage } from './en-usage';
import { translatorFor } from './index';

type UsageKey = keyof typeof enUsage;

/** Says one usage text in a language (the params are checked against the English template). */
function say<K extends UsageKey>(lang: Lang, key: K, params: ParamsOf<(typeof enUsage)[K]>): string {
  return (translatorFor(lang) as (key: K, ...params: ParamsOf<(typeof enUsage)[K]>) => string)(key, ...params);
}

/**
 * A usage error of verify, said in the run's language when it is printed: its message (what logs,
 * tests and embedders read) is the English text, and the CLI prints the one of --lang or the locale.
 */
export function usageError<K extends UsageKey>(key: K, ...params: ParamsOf<(typeof enUsage)[K]>): UsageError {
  return new UsageError(say('en', key, params), (lang) => say(lang, key, params));
}

/** A word of a usage error that is itself translated ("no such file"), as a param of another text. */
export function usageWord<K extends UsageKey>(
  key: K,
  ...params: ParamsOf<(typeof enUsage)[K]>
): (lang: Lang) => string {
  return (lang) => say(lang, key, params);
}

/** Says a usage text now, in a language (commander's own errors, printed before any run). */
export function usageText<K extends UsageKey>(lang: Lang, key: K, ...params: ParamsOf<(typeof enUsage)[K]>): string {
  return say(lang, key, params);
}
