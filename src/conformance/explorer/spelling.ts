/** How a seen name is written again: letters in another case, accents taken off or put on. */
export interface Spelling {
  letters: 'upper' | 'lower' | 'title' | 'as-is';
  /** Which plain vowel takes an accent when the text has none (counted round the vowels it has). */
  at: number;
}

const MARKS = /[\u0300-\u036f]/g;
/** The acute accent, added to a plain vowel: "a" + U+0301 composes to "á". */
const ACUTE = '\u0301';

/** Case- and accent-insensitive text, as OmniChat's TEXT search reads it (docs/contracts.md, decision 9). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** The text without its accents (and cedillas): "Calça Básica" -> "Calca Basica". */
function stripped(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** The text with an acute accent on one of its plain vowels: "camiseta" -> "camisetá"; undefined without one. */
function accented(text: string, at: number): string | undefined {
  const vowels = [...text.matchAll(/[aeiouAEIOU]/g)].map((m) => m.index);
  if (vowels.length === 0) return undefined;
  const i = vowels[at % vowels.length];
  return `${text.slice(0, i + 1)}${ACUTE}${text.slice(i + 1)}`.normalize('NFC');
}

function cased(text: string, letters: Spelling['letters']): string {
  if (letters === 'upper') return text.toUpperCase();
  if (letters === 'lower') return text.toLowerCase();
  if (letters === 'title')
    return text.toLowerCase().replace(/(^|\s)(\S)/g, (_m, space: string, c: string) => space + c.toUpperCase());
  return text;
}

/**
 * The text written another way that OmniChat's search must read as the same: its accents toggled
 * (taken off when it has some, else put on one vowel) and its letters cased. Always differs from the
 * text in its accents when it has a vowel, so an accent-sensitive search never passes it.
 */
export function respell(text: string, spelling: Spelling): string {
  const hasMarks = text.normalize('NFD') !== stripped(text).normalize('NFD');
  const toggled = hasMarks ? stripped(text) : (accented(text, spelling.at) ?? text);
  const out = cased(toggled, spelling.letters);
  return out === text ? (text === text.toUpperCase() ? out.toLowerCase() : out.toUpperCase()) : out;
}
