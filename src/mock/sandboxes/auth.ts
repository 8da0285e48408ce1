import crypto from 'node:crypto';
import type { HeaderPair } from '../../common/headers';

/** A configured header with its expected value kept only as a digest. */
interface ExpectedHeader {
  name: string;
  lower: string;
  digest: Buffer;
}

function digest(value: string): Buffer {
  return crypto.createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Checks the custom headers OmniChat forwards (at most 5, all must match). Values are hashed first so
 * timingSafeEqual always compares equal-length buffers and the time taken says nothing about the secret.
 */
export class HeaderAuth {
  private readonly expected: ExpectedHeader[];
  /**
   * The headers whose values the journal masks (lower case, once each): Authorization and the
   * configured ones. Worked out here, once per settings, not per journaled request.
   */
  readonly secretNames: readonly string[];

  constructor(headers: HeaderPair[]) {
    this.expected = headers.map((h) => ({ name: h.key, lower: h.key.toLowerCase(), digest: digest(h.value) }));
    this.secretNames = [...new Set(['authorization', ...this.expected.map((h) => h.lower)])];
  }

  /** The name of the first configured header that is missing or wrong, or undefined when all match. */
  failing(headers: Record<string, string | string[] | undefined>): string | undefined {
    for (const h of this.expected) {
      const got = headers[h.lower];
      if (typeof got !== 'string' || !crypto.timingSafeEqual(digest(got), h.digest)) return h.name;
    }
    return undefined;
  }
}

/** Constant-time check of a presented secret against the expected one (admin token). */
export function secretMatches(presented: string | undefined, expected: string): boolean {
  return presented !== undefined && crypto.timingSafeEqual(digest(presented), digest(expected));
}
