/**
 * Regular-expression source that matches `secret` however a merchant may have re-encoded it when
 * echoing it back: each character raw, JSON-escaped (`\/`, `\"`, `\\`, `\u00f6` in either case),
 * percent-encoded (its UTF-8 bytes, hex digits in either case) or, for a space, `+`; each letter in
 * either case, in every one of those forms. Characters may be encoded independently, as
 * encodeURIComponent and json_encode leave some raw and escape others.
 *
 * The pattern is a fixed sequence of small alternations with no quantifier, so matching it costs at
 * most its length at each position of the text: no backtracking blow-up on hostile input.
 */
export function encodedPattern(secret: string): string {
  let pattern = '';
  for (const char of secret) pattern += charPattern(char);
  return pattern;
}

function charPattern(char: string): string {
  const forms = new Set<string>();
  for (const variant of caseVariants(char)) for (const form of encodedForms(variant)) forms.add(form);
  return `(?:${[...forms].join('|')})`;
}

/**
 * The character and its other case (a merchant may echo a token lower- or upper-cased: header
 * values case-folded, a normalised error message). A case change that is not one character
 * (`ß` → `SS`) is left out: it would change the secret's length, and with it the pattern's shape.
 */
function caseVariants(char: string): string[] {
  const variants = new Set([char]);
  for (const other of [char.toLowerCase(), char.toUpperCase()]) if ([...other].length === 1) variants.add(other);
  return [...variants];
}

/** Regular-expression sources of one character raw, JSON-escaped, percent-encoded and (a space) form-encoded. */
function encodedForms(char: string): string[] {
  const forms = [escapeRegExp(char)];
  const jsonShort: Record<string, string> = { '/': '\\/', '"': '\\"', '\\': '\\\\' };
  if (char in jsonShort) forms.push(escapeRegExp(jsonShort[char]));
  let unicodeEscape = '';
  for (let i = 0; i < char.length; i++) unicodeEscape += `\\\\u${hexPattern(char.charCodeAt(i), 4)}`;
  forms.push(unicodeEscape);
  forms.push([...Buffer.from(char, 'utf8')].map((byte) => `%${hexPattern(byte, 2)}`).join(''));
  if (char === ' ') forms.push('\\+');
  return forms;
}

/** A number's hex digits, each letter matching either case (`%2f` and `%2F`, `\u00e9` and `\u00E9`). */
function hexPattern(value: number, width: number): string {
  return [...value.toString(16).padStart(width, '0')]
    .map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit))
    .join('');
}

/** Escapes the characters that mean something in a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
