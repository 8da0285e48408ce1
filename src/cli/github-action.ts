import fs from 'node:fs';
import { Command } from 'commander';
import { EXIT_USAGE } from '../common/usage-error';
import { oneLineParserErrors } from './parser-errors';
import { runProgram } from './run-program';
import { registerVerifyCommand } from './verify-command';

// The GitHub Action (action.yml, `runs.using: node20`). `npm run build:action` bundles this file and
// everything it imports into action.js, which the runner starts with its own Node 20, in the
// workspace, from a checkout of this repository without node_modules. The runner passes each input
// as INPUT_<NAME> (upper-cased, dashes kept) and reads outputs from the file named by GITHUB_OUTPUT.

/** The report inputs, each verify's flag of the same name. */
const REPORTS = ['json', 'junit', 'html'] as const;

/** An input as the runner passes it, trimmed as actions/core's getInput does. */
const input = (env: NodeJS.ProcessEnv, name: string): string =>
  (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();

/** verify's arguments for the action's inputs, or the mistake in them (one line, naming the input and the fix). */
export function verifyArguments(env: NodeJS.ProcessEnv): { args: string[] } | { mistake: string } {
  const config = input(env, 'config');
  if (config === '')
    return { mistake: "input config is empty: name the merchant config file, as in 'config: merchant.json'" };
  const args = ['verify', '--config', config];
  // JSON.stringify keeps a value with a line break on one line: it cannot start a workflow command.
  const noDestructive = input(env, 'no-destructive');
  if (noDestructive === 'true') args.push('--no-destructive');
  else if (noDestructive !== 'false' && noDestructive !== '')
    return { mistake: `input no-destructive is ${JSON.stringify(noDestructive)}: use 'true' or 'false'` };
  for (const report of REPORTS) {
    const file = input(env, report);
    if (file !== '') args.push(`--${report}`, file);
  }
  return { args };
}

/**
 * Runs the action in this process: verify with the inputs as flags, then `exit-code` appended to
 * GITHUB_OUTPUT. Resolves with the exit code: 0 passed, 1 a check failed or could not run, 2 a
 * mistake in the inputs or the config.
 */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = verifyArguments(env);
  let code: number;
  if ('mistake' in parsed) {
    process.stdout.write(`::error::${parsed.mistake}\n`);
    code = EXIT_USAGE;
  } else {
    const argv = [process.execPath, 'merchant-kit', ...parsed.args];
    const program = new Command('merchant-kit').exitOverride();
    registerVerifyCommand(program);
    oneLineParserErrors(program, argv, env);
    code = await runProgram(program, argv);
  }
  if (env.GITHUB_OUTPUT) fs.appendFileSync(env.GITHUB_OUTPUT, `exit-code=${code}\n`);
  return code;
}

if (require.main === module) {
  void runAction().then((code) => {
    process.exitCode = code;
  });
}
