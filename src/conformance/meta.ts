import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CONTRACTS_DIR, OPERATION_IDS, PACKAGE_ROOT, type OperationId } from '../contracts';
import { maskUrl } from '../common/secrets';
import type { Lang } from '../common/i18n';
import type { RunConfig } from './config/run-config';
import type { RunMeta } from './types';

let kitVersionOnce: string | undefined;
let contractVersionOnce: string | undefined;

/** This kit's version, from its package.json (read once). */
export function kitVersion(): string {
  kitVersionOnce ??= (
    JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
  return kitVersionOnce;
}

/**
 * A digest of every file under contracts/ (names and bytes, in a fixed order), computed once: two
 * reports with the same contract version were judged against the same contracts, whatever the kit version.
 */
export function contractVersion(): string {
  if (contractVersionOnce === undefined) {
    const hash = crypto.createHash('sha256');
    for (const file of listFiles(CONTRACTS_DIR)) {
      hash.update(`${path.relative(CONTRACTS_DIR, file).split(path.sep).join('/')}\0`);
      hash.update(fs.readFileSync(file));
      hash.update('\0');
    }
    contractVersionOnce = `sha256:${hash.digest('hex').slice(0, 12)}`;
  }
  return contractVersionOnce;
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : entry.isFile() ? [path.join(dir, entry.name)] : [],
    );
}

/** What is known of a run when it starts: everything of its metadata but the duration. */
export function startMeta(
  config: RunConfig,
  runId: string,
  lang: Lang = 'en',
  started = new Date(),
): Omit<RunMeta, 'durationMs'> {
  const urls = Object.fromEntries(OPERATION_IDS.map((op) => [op, maskUrl(config.urls[op])])) as Record<
    OperationId,
    string
  >;
  return {
    startedAt: started.toISOString(),
    kitVersion: kitVersion(),
    contractVersion: contractVersion(),
    runId,
    node: process.version,
    target: config.displayName,
    urls,
    lang,
  };
}
