import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from '../../src/contracts';

export interface ExampleFile {
  operation: string;
  kind: 'request' | 'response';
  name: string;
  file: string;
  value: unknown;
}

/** Every payload in fixtures/examples/<operation>/<kind>.<name>.json. */
export function exampleFiles(): ExampleFile[] {
  const root = path.join(FIXTURES_DIR, 'examples');
  return fs
    .readdirSync(root)
    .sort()
    .flatMap((operation) =>
      fs
        .readdirSync(path.join(root, operation))
        .sort()
        .map((file) => {
          const [kind, name] = file.split('.');
          const full = path.join(root, operation, file);
          return {
            operation,
            kind: kind as 'request' | 'response',
            name,
            file: full,
            value: JSON.parse(fs.readFileSync(full, 'utf8')),
          };
        }),
    );
}
