import fs from 'node:fs';
import path from 'node:path';

/** Where one verify run writes its three reports: <dir>/<stem>.json, .xml and .html. */
export interface ReportFiles {
  json: string;
  junit: string;
  html: string;
  /** --json, --junit and --html with these paths, to append to verify's arguments. */
  flags: string[];
  /** The three reports' text, JSON, JUnit then HTML; read them once the run has ended. */
  texts(): string[];
}

export function reportFiles(dir: string, stem: string): ReportFiles {
  const [json, junit, html] = ['json', 'xml', 'html'].map((extension) => path.join(dir, `${stem}.${extension}`));
  return {
    json,
    junit,
    html,
    flags: ['--json', json, '--junit', junit, '--html', html],
    texts: () => [json, junit, html].map((file) => fs.readFileSync(file, 'utf8')),
  };
}
