import fs from 'node:fs';
import path from 'node:path';
import type { Lang } from '../common/i18n';
import { usageError, usageWord } from '../conformance/i18n/usage';
import type { UsageError } from '../common/usage-error';

/** Why a file system call failed, in words a user acts on (the errno code for anything rarer). */
function why(code: string | undefined): string | ((lang: Lang) => string) {
  switch (code) {
    case 'ENOTDIR':
    case 'EEXIST':
      return usageWord('usage.fileInTheWay');
    case 'ENOENT':
      return usageWord('usage.noSuchDirectory');
    case 'EACCES':
      return usageWord('usage.permissionDenied');
    case 'EPERM':
      return usageWord('usage.cannotCreateHere');
    case 'EROFS':
      return usageWord('usage.readOnly');
    case 'ENOSPC':
    case 'EDQUOT':
      return usageWord('usage.diskFull');
    case 'EISDIR':
      return usageWord('usage.isDirectory');
    default:
      return code ?? 'error';
  }
}

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/**
 * Creates the missing directories above a report one level at a time. Node's own recursive mkdir
 * retries forever where a parent answers EEXIST to mkdir but ENOENT to its child (/proc, /sys):
 * walking the levels ourselves ends on the first one that cannot be made, whatever the file system.
 */
function makeDirectories(flag: string, file: string): void {
  const missing: string[] = [];
  let directory = path.dirname(path.resolve(file));
  // Up to the first level that exists (the root always does, so this ends); ENOTDIR means a file
  // stands somewhere above, and the walk goes on up to name it.
  for (;;) {
    let stats: fs.Stats | undefined;
    try {
      stats = fs.statSync(directory);
    } catch (error) {
      if (codeOf(error) !== 'ENOENT' && codeOf(error) !== 'ENOTDIR')
        throw reportDirectoryError(flag, file, directory, codeOf(error));
    }
    if (stats?.isDirectory()) break;
    if (stats) throw reportDirectoryError(flag, file, directory, 'ENOTDIR');
    missing.unshift(directory);
    directory = path.dirname(directory);
  }
  for (const level of missing) {
    try {
      fs.mkdirSync(level);
    } catch (error) {
      // ENOENT here: the parent exists but takes no new entries (/proc), like EPERM (/sys).
      const code = codeOf(error) === 'ENOENT' ? 'EPERM' : codeOf(error);
      throw reportDirectoryError(flag, file, level, code);
    }
  }
}

function reportDirectoryError(flag: string, file: string, directory: string, code: string | undefined): UsageError {
  return usageError('usage.reportDirectory', { flag, file, directory, why: why(code) });
}

/**
 * Before the run: creates the report's directory and makes sure the file can be created there (then
 * removes it again when it did not exist), so a bad path costs one line and exit 2, not a whole run.
 */
export function prepareReportFile(flag: string, file: string): void {
  if (file.trim() === '') throw usageError('usage.reportNoFile', { flag });
  makeDirectories(flag, file);
  const existed = fs.existsSync(file);
  try {
    fs.closeSync(fs.openSync(file, 'a'));
  } catch (error) {
    // The directory exists by now: ENOENT means it takes no new files (/proc).
    const code = codeOf(error) === 'ENOENT' ? 'EPERM' : codeOf(error);
    throw usageError('usage.reportWrite', { flag, file, why: why(code) });
  }
  if (!existed) fs.rmSync(file, { force: true });
}

/**
 * Writes one report after the run; a failure (a full disk) is returned as the usage error to print,
 * and a half-written regular file is removed so that nobody reads a cut report as a whole one.
 */
export function writeReportFile(flag: string, file: string, text: string): UsageError | undefined {
  try {
    fs.writeFileSync(file, text);
    return undefined;
  } catch (error) {
    try {
      if (fs.statSync(file).isFile()) fs.rmSync(file, { force: true });
    } catch {
      // Nothing there to remove.
    }
    return usageError('usage.reportWrite', { flag, file, why: why(codeOf(error)) });
  }
}
