import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';
import { copyCheckout } from '../support/checkout-copy';
import { runToEnd, type Finished } from '../support/child-process';
import { command, installBlocks, NAME, RELEASE_URL, REPOSITORY, TARBALL } from './install-docs';

/** The kit as a merchant installs it: packed, then installed into an empty global prefix. */
export interface InstalledKit {
  prefix: string;
  /** An empty working directory, not the repository: the kit must not read anything from it. */
  work: string;
  /** PATH starts with the prefix's bin, then the node running the tests (the bins' `#!/usr/bin/env node`). */
  env: NodeJS.ProcessEnv;
  /** The tarball installed. */
  tarball: string;
  /** The files in it, relative to the package. */
  packed: string[];
  /** What the install printed. */
  install: Finished;
}

/** Runs one documented command line in bash, as a terminal would. */
export const shell = (line: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Finished> =>
  runToEnd('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', line], { cwd, env });

/**
 * The git path of docs/verify.md up to its tarball: a copy of this checkout stands in for `git clone`
 * and its node_modules for `npm ci` (which CI runs on a fresh clone before the tests); then the
 * documented `npm pack` runs as written, so prepack builds dist/ in a clone that has none.
 */
async function packFromGit(tmp: string, env: NodeJS.ProcessEnv): Promise<string> {
  const [clone, ci, pack] = installBlocks().git;
  expect(clone).toBe(`git clone ${REPOSITORY}.git && cd omnichat-merchant-kit`);
  expect(ci).toBe('npm ci');
  expect(pack).toBe('npm pack');
  const dir = path.join(tmp, 'omnichat-merchant-kit');
  copyCheckout(dir);
  fs.symlinkSync(path.join(PACKAGE_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  const packing = await shell(pack, dir, env);
  expect(packing).toMatchObject({ code: 0 });
  // npm pack ends by naming the tarball it wrote, after what prepack printed.
  expect(packing.stdout.trimEnd().split('\n').at(-1)).toBe(TARBALL);
  return path.join(dir, TARBALL);
}

/** The files a tarball holds, relative to the package. */
async function filesIn(tarball: string): Promise<string[]> {
  const listing = await runToEnd('tar', ['-tzf', tarball]);
  expect(listing).toMatchObject({ code: 0 });
  return listing.stdout
    .split('\n')
    .filter(Boolean)
    .map((file) => file.replace(/^package\//, ''));
}

/**
 * Packs the kit as docs/verify.md's git path does (or takes MERCHANT_KIT_TARBALL, the tarball the
 * release workflow is about to publish) and installs it with the documented release-tarball command,
 * its URL replaced by that tarball: the one pack and install the package tests share.
 */
export async function installKit(tmp: string): Promise<InstalledKit> {
  const prefix = path.join(tmp, 'prefix');
  const work = path.join(tmp, 'work');
  fs.mkdirSync(work, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: [path.join(prefix, 'bin'), path.dirname(process.execPath), process.env.PATH].join(path.delimiter),
    // --global goes to this prefix; packages come from npm's cache when they are there.
    npm_config_prefix: prefix,
    npm_config_prefer_offline: 'true',
    npm_config_update_notifier: 'false',
  };
  const given = process.env.MERCHANT_KIT_TARBALL;
  const tarball = given ? path.resolve(given) : await packFromGit(tmp, env);
  const packed = await filesIn(tarball);
  const [install] = installBlocks().tarball;
  expect(install).toBe(`npm install --global ${RELEASE_URL}`);
  const installed = await shell(install.replace(RELEASE_URL, tarball), work, env);
  expect(installed).toMatchObject({ code: 0 });
  return { prefix, work, env, tarball, packed, install: installed };
}

/** Every package.json under a folder's node_modules, the folder's own first. */
export function manifestsUnder(dir: string): Array<{ file: string; scripts: Record<string, string> }> {
  const found: Array<{ file: string; scripts: Record<string, string> }> = [];
  const visit = (folder: string): void => {
    const manifest = path.join(folder, 'package.json');
    if (fs.existsSync(manifest)) {
      const { scripts = {} } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> };
      found.push({ file: manifest, scripts });
    }
    const modules = path.join(folder, 'node_modules');
    if (!fs.existsSync(modules)) return;
    for (const entry of fs.readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const full = path.join(modules, entry);
      if (entry.startsWith('@')) for (const scoped of fs.readdirSync(full)) visit(path.join(full, scoped));
      else visit(full);
    }
  };
  visit(dir);
  return found;
}

/**
 * Type-checks `source` as a strict TypeScript project that depends on the kit does: the installed kit
 * in its node_modules, resolved through package.json's exports (node16). No @types package is loaded
 * (they are most of tsc's time), so what the kit's declarations take from node's types is `any` here.
 */
export function typeCheckDependent(kit: InstalledKit, source: string): Promise<Finished> {
  const project = fs.mkdtempSync(path.join(path.dirname(kit.work), 'dependent-'));
  fs.mkdirSync(path.join(project, 'node_modules'));
  fs.symlinkSync(path.join(kit.prefix, 'lib', 'node_modules', NAME), path.join(project, 'node_modules', NAME));
  fs.writeFileSync(path.join(project, 'index.ts'), source);
  const compilerOptions = { strict: true, noEmit: true, skipLibCheck: true, module: 'node16', types: [] };
  fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['index.ts'] }));
  const tsc = require.resolve('typescript/bin/tsc', { paths: [PACKAGE_ROOT] });
  return runToEnd(process.execPath, [tsc, '-p', project], { cwd: project });
}

/** A documented command line with its comment dropped (re-exported for the tests' own checks). */
export { command };
