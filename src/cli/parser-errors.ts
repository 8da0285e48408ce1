import type { Command } from 'commander';
import { langFromEnv, parseLang, type Lang } from '../common/i18n';
import { usageText } from '../conformance/i18n/usage';

/**
 * Makes commander's own errors (unknown option, missing argument, unknown command) one line that
 * names the command and where its flags are listed:
 * "merchant-kit verify: unknown option '--x' (did you mean --only?); run merchant-kit help verify for its flags".
 * verify's are said in its language (--lang as written on the command line, else the locale), as its
 * other usage errors are. Call it once every command is registered.
 */
export function oneLineParserErrors(
  program: Command,
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): void {
  for (const command of [program, ...program.commands]) {
    const isProgram = command === program;
    const prefix = isProgram ? 'merchant-kit' : `merchant-kit ${command.name()}`;
    const hint = isProgram
      ? 'run merchant-kit help for the commands'
      : `run merchant-kit help ${command.name()} for its flags`;
    command.showHelpAfterError(false).configureOutput({
      outputError: (text, write) =>
        write(
          command.name() === 'verify'
            ? `${verifyParserError(tidy(text), langOf(argv, env))}\n`
            : `${prefix}: ${tidy(text)}; ${hint}\n`,
        ),
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

/** The language verify will say its errors in: a valid --lang on the command line, else the locale's. */
function langOf(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice(7) : undefined;
    const lang = value === undefined ? undefined : parseLang(value);
    if (lang !== undefined) return lang;
  }
  return langFromEnv(env);
}

/** commander's problems that verify says in its languages; any other stays as commander wrote it. */
function verifyParserError(problem: string, lang: Lang): string {
  const unknown = /^unknown option '([^']*)'(?: \(did you mean ([^?)]*)\?\))?$/.exec(problem);
  const missing = /^option '([^']*)' argument missing$/.exec(problem);
  const said = unknown
    ? unknown[2] === undefined
      ? usageText(lang, 'usage.unknownOption', { option: unknown[1] })
      : usageText(lang, 'usage.unknownOptionNear', { option: unknown[1], suggestion: unknown[2] })
    : missing
      ? usageText(lang, 'usage.missingValue', { option: missing[1] })
      : problem;
  return usageText(lang, 'usage.parser', { problem: said });
}
