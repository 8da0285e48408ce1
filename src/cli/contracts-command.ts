import type { Command } from 'commander';
import { UsageError } from '../common/usage-error';

/** `merchant-kit contracts [--format yaml|json]`: prints the self-contained OpenAPI document. */
export function registerContractsCommand(program: Command): void {
  program
    .command('contracts')
    .description(
      'print the OpenAPI 3.1 document of the five merchant operations, every schema bundled under components/schemas',
    )
    .option('--format <format>', 'yaml or json', 'yaml')
    .action(async (options: { format: string }) => {
      if (options.format !== 'yaml' && options.format !== 'json')
        throw new UsageError(`--format ${JSON.stringify(options.format)} is not supported: use yaml or json`);
      // Loaded when the command runs: the contract's YAML and bundle are not --help's to load.
      const { bundledOpenApiDocument, toYaml } = await import('../contracts');
      const document = await bundledOpenApiDocument();
      process.stdout.write(options.format === 'yaml' ? toYaml(document) : `${JSON.stringify(document, null, 2)}\n`);
    });
}
