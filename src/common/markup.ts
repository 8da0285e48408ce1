/**
 * Escapes text for HTML content and quoted attribute values: the five markup characters. The one
 * escaper of every page the kit writes or serves (the runner's HTML report, the mock's checkout
 * page); JUnit keeps XML's own, which also drops the characters XML cannot carry.
 */
export const escapeMarkup = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
