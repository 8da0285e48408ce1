import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';

/** A markdown file's section: from the heading matching `heading` to the next `## ` heading. */
export function markdownSection(file: string, heading: RegExp): string {
  const text = fs.readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');
  const start = text.search(heading);
  if (start < 0) throw new Error(`${file} has no section matching ${heading}`);
  const rest = text.slice(start + 1);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The contents of the fenced blocks of one language (```yaml, ```sh) in a piece of markdown. */
export function fencedBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]);
}
