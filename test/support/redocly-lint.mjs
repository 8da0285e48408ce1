// Lints an OpenAPI document with Redocly's `recommended` ruleset and prints the problems as JSON.
// A separate script because @redocly/openapi-core is an ES module, which Jest's CommonJS loader cannot load.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { createConfig, lintFromString } from '@redocly/openapi-core';

const file = process.argv[2];
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({
  source: fs.readFileSync(file, 'utf8'),
  absoluteRef: path.resolve(file),
  config,
});
const brief = problems.map((p) => ({
  severity: p.severity,
  rule: p.ruleId,
  message: p.message,
  where: p.location?.[0]?.pointer,
}));
process.stdout.write(`${JSON.stringify(brief)}\n`);
