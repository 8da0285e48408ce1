import crypto from 'node:crypto';
import fs from 'node:fs';
import { UsageError } from '../../common/usage-error';
import { usageError, usageWord } from '../i18n/usage';

/** A CA file is a few certificates; past this it is not one (and is not read into memory). */
const MAX_CA_FILE_BYTES = 4 * 1024 * 1024;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Reads a PEM file of CA certificates (--ca FILE, or the config's "ca"). Every problem is a one-line
 * UsageError starting with `source`; the file's content is never quoted (it may hold a private key).
 */
export function readCaFile(file: string, source: string): { file: string; pem: string } {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw usageError('usage.caNotFile', { source, file });
    if (stat.size > MAX_CA_FILE_BYTES) throw usageError('usage.caTooLarge', { source, file });
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? usageWord('usage.noSuchFile') : usageWord('usage.cannotReadCode', { code: code ?? 'error' });
    throw usageError('usage.caUnreadable', { source, file, why });
  }
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) throw usageError('usage.caNoPem', { source, file });
  blocks.forEach((block, index) => {
    try {
      new crypto.X509Certificate(block);
    } catch {
      throw usageError('usage.caInvalid', { source, file, index: index + 1, count: blocks.length });
    }
  });
  return { file, pem: blocks.join('\n') };
}

/** NODE_EXTRA_CA_CERTS's certificates (see NetworkSettings.extraCaPem); Node itself warns when it cannot read the file. */
export function readExtraCaCerts(env: NodeJS.ProcessEnv): string | undefined {
  const file = env.NODE_EXTRA_CA_CERTS;
  if (!file) return undefined;
  try {
    return (fs.readFileSync(file, 'utf8').match(PEM_CERTIFICATE) ?? []).join('\n') || undefined;
  } catch {
    return undefined;
  }
}
