import fs from 'node:fs';
import YAML from 'yaml';
import { OPENAPI_PATH } from './paths';

/** The OpenAPI document's text, exactly as shipped in contracts/openapi.yaml. */
export function openApiYaml(): string {
  return fs.readFileSync(OPENAPI_PATH, 'utf8');
}

/** The OpenAPI document parsed into a plain object ($refs into contracts/schemas are left as they are). */
export function openApiDocument(): Record<string, unknown> {
  return YAML.parse(openApiYaml()) as Record<string, unknown>;
}
