import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';

/** The code of the @example in the doc comment right above `export function name`. */
export function exampleOf(file: string, name: string): string {
  const source = fs.readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');
  const comment = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:async )?function ${name}\\b`).exec(
    source,
  );
  const lines = (comment?.[1] ?? '').split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
  const start = lines.findIndex((line) => line.startsWith('@example'));
  if (start < 0) throw new Error(`${file}: the doc comment of ${name} has no @example`);
  return lines
    .slice(start + 1)
    .join('\n')
    .trim();
}
