import type { Command } from 'commander';

/**
 * Makes commander's own errors (unknown option, missing argument, unknown command) one line that
 * names the command and where its flags are listed:
 * "merchant-kit verify: unknown option '--x' (did you mean --only?); run merchant-kit help verify for its flags".
 * Call it once every command is registered.
 */
export function oneLineParserErrors(program: Command): void {
  for (const command of [program, ...program.commands]) {
    const isProgram = command === program;
    const prefix = isProgram ? 'merchant-kit' : `merchant-kit ${command.name()}`;
    const hint = isProgram
      ? 'run merchant-kit help for the commands'
      : `run merchant-kit help ${command.name()} for its flags`;
    command.showHelpAfterError(false).configureOutput({
      outputError: (text, write) => write(`${prefix}: ${tidy(text)}; ${hint}\n`),
    });
  }
}

/** "error: unknown option '--x'\n(Did you mean --only?)\n" -> "unknown option '--x' (did you mean --only?)". */
function tidy(text: string): string {
  return text
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\(Did you mean/g, '(did you mean')
    .trim();
}
