import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';
import { fencedBlocks, markdownSection } from '../support/markdown';

// The install instructions of docs/verify.md ("Install"), read as the commands a merchant copies.

/** The repository the docs point at (OWNER stands for its GitHub owner until it has one). */
export const REPOSITORY = 'https://github.com/OWNER/omnichat-merchant-kit';

const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
export const NAME = manifest.name;
export const VERSION = manifest.version;
/** What `npm pack` writes, and what the release workflow attaches to the release of tag v<version>. */
export const TARBALL = `${NAME}-${VERSION}.tgz`;
/** Where GitHub serves that tarball once the release workflow has run for this version. */
export const RELEASE_URL = `${REPOSITORY}/releases/download/v${VERSION}/${TARBALL}`;

/** The ```sh blocks of a markdown section, each as its non-empty lines. */
export function shellBlocks(file: string, heading: RegExp): string[][] {
  return fencedBlocks(markdownSection(file, heading), 'sh').map((block) =>
    block.split('\n').filter((line) => line.trim() !== ''),
  );
}

/** A command line without its trailing `# comment`. */
export const command = (line: string): string => line.replace(/\s+#.*$/, '').trim();

/** The three ways docs/verify.md installs the kit: a release tarball, git, and the registry once published. */
export function installBlocks(): { tarball: string[]; git: string[]; registry: string[] } {
  const blocks = shellBlocks('docs/verify.md', /^## Install$/m);
  const find = (test: (block: string[]) => boolean, what: string): string[] => {
    const found = blocks.find(test);
    if (!found) throw new Error(`docs/verify.md, Install: no block ${what}`);
    return found.map(command);
  };
  return {
    tarball: find((block) => block.some((line) => line.includes('/releases/download/')), 'with a release URL'),
    git: find((block) => block[0].startsWith('git clone '), 'starting with git clone'),
    registry: find((block) => block.some((line) => line.startsWith('npx ')), 'with npx'),
  };
}
