import {
  CallbackReceiver,
  exitCodeFor,
  runConfigFromFlags,
  runVerify,
  type RunConfig,
  type RunReport,
  type VerifyFlags,
} from '../../src/conformance';
import type { Lang } from '../../src/common/i18n';

export const SECRET = 'Bearer s3cret-t0ken-value';
export const AUTH = { key: 'Authorization', value: SECRET };

let runs = 0;

/** Runs the runner in-process against a base URL with the test's flags; callbacks go to `receiver`. Run ids are test1, test2, ... */
export async function verify(
  baseUrl: string,
  flags: Partial<VerifyFlags> = {},
  receiver?: CallbackReceiver,
  overrides: Partial<RunConfig> = {},
  lang: Lang = 'en',
): Promise<{ report: RunReport; exitCode: number }> {
  const config = {
    ...runConfigFromFlags({ baseUrl, timeout: '1500', header: [`${AUTH.key}: ${AUTH.value}`], ...flags }),
    ...overrides,
  };
  runs++;
  const report = await runVerify(config, {
    runId: `test${runs}`,
    lang,
    callbacks: receiver,
    callbackWaitMs: 1000,
    callbackGraceMs: 300,
  });
  return { report, exitCode: exitCodeFor(report.summary) };
}

/** "operation/check" for every check with the given status. */
export function withStatus(report: RunReport, status: string): string[] {
  return report.operations.flatMap((op) =>
    op.checks.filter((c) => c.status === status).map((c) => `${op.operation}/${c.id}`),
  );
}

/** The result of one check of one operation. */
export function checkOf(report: RunReport, operation: string, id: string) {
  const found = report.operations.find((op) => op.operation === operation)?.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${operation}/${id} in the report`);
  return found;
}
