import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';

const DOCS = [
  'README.md',
  'README.pt-BR.md',
  'CONTRIBUTING.md',
  ...fs.readdirSync(path.join(PACKAGE_ROOT, 'docs')).map((f) => `docs/${f}`),
].filter((f) => f.endsWith('.md'));

/** Relative link targets of a markdown file: [text](target), without the #anchor. */
function relativeLinks(file: string): string[] {
  const text = fs.readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1].split('#')[0])
    .filter((target) => target !== '' && !/^[a-z]+:/i.test(target));
}

describe('the documents', () => {
  it.each(DOCS)('%s links only to files in the repository', (file) => {
    const missing = relativeLinks(file).filter(
      (target) => !fs.existsSync(path.resolve(PACKAGE_ROOT, path.dirname(file), target)),
    );
    expect(missing).toEqual([]);
  });

  it.each(DOCS)('%s cites no notes kept outside the repository', (file) => {
    const text = fs.readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');
    expect(text).not.toMatch(/omnichat-api\.md|\.\.\/shared|DESIGN\.md|TOOLCHAIN\.md/);
  });

  it('keeps the README a front door (about 200 lines at most)', () => {
    for (const file of ['README.md', 'README.pt-BR.md']) {
      expect(fs.readFileSync(path.join(PACKAGE_ROOT, file), 'utf8').split('\n').length).toBeLessThanOrEqual(200);
    }
  });
});
