/** Where and why a text is not JSON, without quoting any of it. */
interface JsonSyntaxError {
  /** JSON.parse's reason with the quoted text and the offset taken out ("unexpected character"). */
  reason: string;
  /** 1-based line and column of the first character the parser could not accept. */
  line: number;
  column: number;
}

/**
 * Locates a JSON syntax error. V8's message quotes the text around an unexpected token (in a config,
 * that may be a header value), so it is never shown; the offset comes from the message when it has
 * one, and otherwise from a binary search over prefixes: a prefix that stops before the error is
 * merely cut short (its error lies at its very end), one that reaches past it fails earlier.
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const message = parseMessage(text);
  if (message === undefined) return undefined;
  const offset = positionIn(message) ?? firstBadOffset(text);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { reason: reasonOf(message), line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function parseMessage(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function positionIn(message: string): number | undefined {
  const match = / at position (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** True when a prefix of length `length` already holds an error that no following text could fix. */
function failsWithin(text: string, length: number): boolean {
  const message = parseMessage(text.slice(0, length));
  if (message === undefined || /Unexpected end of JSON input/.test(message)) return false;
  const position = positionIn(message);
  return position === undefined || position < length;
}

function firstBadOffset(text: string): number {
  let low = 0; // a prefix this long has no error of its own
  let high = text.length; // a prefix this long has one
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (failsWithin(text, middle)) high = middle;
    else low = middle;
  }
  return high - 1;
}

function reasonOf(message: string): string {
  if (/^Unexpected end of JSON input/.test(message)) return 'the file ends before the JSON does';
  if (/^Unexpected token/.test(message)) return 'unexpected character';
  const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*$/s, '');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}
