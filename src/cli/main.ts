#!/usr/bin/env node
import { Command } from 'commander';
import { registerContractsCommand } from './contracts-command';
import { registerServeCommand } from './serve-command';
import { registerValidateCommand } from './validate-command';
import { registerVerifyCommand } from './verify-command';
import { registerProxyCommand } from './proxy-command';
import { packageVersion } from './version';
import { oneLineParserErrors } from './parser-errors';
import { OutputGuard } from './output-guard';
import { runProgram } from './run-program';

/** Builds the merchant-kit program; each command lives in its own file and registers itself here. */
function buildProgram(): Command {
  const program = new Command('merchant-kit')
    .description("Contracts, mock merchant and conformance runner for OmniChat's custom integration")
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride();
  registerValidateCommand(program);
  registerContractsCommand(program);
  registerServeCommand(program);
  registerVerifyCommand(program);
  registerProxyCommand(program);
  oneLineParserErrors(program);
  return program;
}

/** Runs the CLI and turns every failure into an exit code: never a stack trace for a user's mistake. */
export function main(argv: string[]): Promise<number> {
  return runProgram(buildProgram(), argv);
}

if (require.main === module) {
  const guard = new OutputGuard(process.stdout, process.stderr).watch();
  void main(process.argv).then((code) => {
    process.exitCode = guard.exitCode(code);
  });
}
