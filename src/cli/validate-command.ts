import type { Command } from 'commander';
import { CONTRACT_NAMES } from '../contracts/operations';
import { langOption } from './lang-option';

/** `merchant-kit validate <operation> <request|response> <file | ->`: checks one payload file against its contract. */
export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description("validate a JSON payload file (or - for stdin) against an operation's request or response contract")
    .argument('<operation>', `one of ${CONTRACT_NAMES.join(', ')}`)
    .argument('<kind>', 'request or response')
    .argument('<file>', 'a JSON file, or - to read standard input')
    .option('--lang <lang>', 'language of the violations: en or pt-BR (default: from LC_ALL, LC_MESSAGES or LANG)')
    .action(async (operation: string, kind: string, file: string, options: { lang?: string }) => {
      const lang = langOption(options.lang);
      // Loaded when the command runs: the validators are not --help's to load.
      const { runValidate } = await import('./validate-run');
      process.exitCode = runValidate(operation, kind, file, process.stdout, lang);
    });
}
