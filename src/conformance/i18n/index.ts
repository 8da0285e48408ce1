import { translator, type Catalogues, type Lang, type Translator } from '../../common/i18n';
import { enChecksCart } from './en-checks-cart';
import { enChecksExplorer } from './en-checks-explorer';
import { enChecksGeneric } from './en-checks-generic';
import { enChecksOrders } from './en-checks-orders';
import { enChecksSearch } from './en-checks-search';
import { enNetwork } from './en-network';
import { enCoverage, enReports } from './en-reports';
import { enRun } from './en-run';
import { enUsage } from './en-usage';
import { ptChecksCart } from './pt-br-checks-cart';
import { ptChecksExplorer } from './pt-br-checks-explorer';
import { ptChecksGeneric } from './pt-br-checks-generic';
import { ptChecksOrders } from './pt-br-checks-orders';
import { ptChecksSearch } from './pt-br-checks-search';
import { ptNetwork } from './pt-br-network';
import { ptCoverage, ptReports } from './pt-br-reports';
import { ptRun } from './pt-br-run';
import { ptUsage } from './pt-br-usage';

/** Every English text of verify, by key (the source of the placeholders every translation must keep). */
export const en = {
  ...enRun,
  ...enNetwork,
  ...enChecksGeneric,
  ...enChecksSearch,
  ...enChecksCart,
  ...enChecksOrders,
  ...enChecksExplorer,
  ...enReports,
  ...enCoverage,
  ...enUsage,
} as const;

/** verify's texts in both languages; pt-BR has exactly the English keys (a type error otherwise). */
export const CATALOGUES: Catalogues<typeof en> = {
  en,
  'pt-BR': {
    ...ptRun,
    ...ptNetwork,
    ...ptChecksGeneric,
    ...ptChecksSearch,
    ...ptChecksCart,
    ...ptChecksOrders,
    ...ptChecksExplorer,
    ...ptReports,
    ...ptCoverage,
    ...ptUsage,
  },
};

/** A key of verify's catalogue. */
type MessageKey = keyof typeof en;
/** verify's texts in one language. */
export type T = Translator<typeof en>;

const made = new Map<Lang, T>();

/** The translator of one language (made once). */
export function translatorFor(lang: Lang): T {
  let t = made.get(lang);
  if (!t) {
    t = translator(CATALOGUES, lang);
    made.set(lang, t);
  }
  return t;
}

/** The ids of the checks whose what/why/fix texts the catalogue holds. */
type CheckTextId = { [K in MessageKey]: K extends `check.${infer Id}.what` ? Id : never }[MessageKey];

/** A check's `what`, `why` or `fix` in a language. */
export function checkText(t: T, id: string, part: 'what' | 'why' | 'fix'): string | undefined {
  const key = `check.${id}.${part}`;
  return key in en ? t(key as `check.${CheckTextId}.${typeof part}`) : undefined;
}

/** A check's texts in English, for its Check object (docs/verify.md's catalogue and the tests read them there). */
export function englishTexts(id: CheckTextId): { what: string; why: string; fix: string } {
  return { what: en[`check.${id}.what`], why: en[`check.${id}.why`], fix: en[`check.${id}.fix`] };
}
