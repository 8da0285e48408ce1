import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';
import { RELEASE_URL } from './install-docs';

// The docs must not present what is not true today: the kit is installed from a release tarball or
// from git (run by installed-package.test.ts); the npm registry does not have it until it is published.
const DOCS = ['README.md', 'README.pt-BR.md', 'docs/verify.md'];
const text = (file: string): string => fs.readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');

/** What the registry would serve: npx of the package's name, or an install of it by name alone. */
const FROM_REGISTRY = /npx (--yes )?omnichat-merchant-kit\b|npm install (--\S+ )*omnichat-merchant-kit(?![-\w./])/g;
/** How the docs say that the registry path works only later, in English or Portuguese. */
const ONCE_PUBLISHED = /once (it is |the kit is )?published|quando ele for\s+publicado/i;

describe('the install instructions', () => {
  it.each(DOCS)('%s points every release download at the tarball of this version', (file) => {
    const urls = text(file).match(/https:\/\/github\.com\/\S*\/releases\/download\/\S*/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => url !== RELEASE_URL)).toEqual([]);
  });

  it.each(DOCS)('%s offers the npm registry only as what works once the kit is published', (file) => {
    const doc = text(file);
    const unqualified = [...doc.matchAll(FROM_REGISTRY)]
      .filter((match) => !ONCE_PUBLISHED.test(doc.slice(Math.max(0, (match.index ?? 0) - 400), match.index)))
      .map((match) => match[0]);
    expect(unqualified).toEqual([]);
  });

  it('would catch a registry command presented as working', () => {
    const doc = 'Install it:\n\n```sh\nnpx omnichat-merchant-kit verify --config merchant.json\n```\n';
    expect([...doc.matchAll(FROM_REGISTRY)].map((match) => match[0])).toEqual(['npx omnichat-merchant-kit']);
    expect(ONCE_PUBLISHED.test(doc)).toBe(false);
  });
});
