import querystring from 'node:querystring';
import { parse as legacyParse } from 'node:url';

/** A request target split the way express 5 splits it (parseurl): the path, and the raw query or null. */
interface TargetParts {
  pathname: string;
  query: string | null;
}

/**
 * Splits a request target exactly as parseurl (express's req.path / req.query) does: a fast scan for a
 * plain origin-form target, and Node's legacy parser for anything with '#', whitespace or an absolute
 * form, which trims and strips the fragment. Same rules, so both entry points see the same query.
 */
export function splitTarget(url: string): TargetParts {
  if (url.charCodeAt(0) !== 0x2f /* / */) return legacy(url);
  let pathname = url;
  let query: string | null = null;
  for (let i = 1; i < url.length; i += 1) {
    switch (url.charCodeAt(i)) {
      case 0x3f /* ? */:
        if (query === null) {
          pathname = url.slice(0, i);
          query = url.slice(i + 1);
        }
        break;
      case 0x09:
      case 0x0a:
      case 0x0c:
      case 0x0d:
      case 0x20:
      case 0x23 /* # */:
      case 0xa0:
      case 0xfeff:
        return legacy(url);
    }
  }
  return { pathname, query };
}

/** The query of a request target parsed as express 5's default "simple" parser does: repeated keys become arrays. */
export function parseQuery(url: string): Record<string, unknown> {
  const { query } = splitTarget(url);
  return query === null ? {} : querystring.parse(query);
}

function legacy(url: string): TargetParts {
  // The rare targets parseurl hands to url.parse: the same call keeps the same answer.
  const parsed = legacyParse(url);
  return { pathname: parsed.pathname ?? '', query: parsed.query };
}
