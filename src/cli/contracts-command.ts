import type { Command } from 'commander';
import { openApiDocument, openApiYaml } from '../contracts';
import { UsageError } from '../common/usage-error';

/** `merchant-kit contracts [--format yaml|json]`: prints the OpenAPI document. */
export function registerContractsCommand(program: Command): void {
  program
    .command('contracts')
    .description('print the OpenAPI 3.1 document of the five merchant operations')
    .option('--format <format>', 'yaml or json', 'yaml')
    .action((options: { format: string }) => {
      if (options.format === 'yaml') process.stdout.write(openApiYaml());
      else if (options.format === 'json') process.stdout.write(`${JSON.stringify(openApiDocument(), null, 2)}\n`);
      else throw new UsageError(`--format ${JSON.stringify(options.format)} is not supported: use yaml or json`);
    });
}
