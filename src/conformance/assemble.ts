import { maskSecretsDeep, type SecretForm } from '../common/secrets';
import { CauseLinker, type OperationFacts } from './causes';
import { translatorFor, type T } from './i18n';
import { summarize } from './summarize';
import { tameDeep } from './tame';
import type { OperationReport, RunReport } from './types';
import { runVerdict, whatToFix } from './what-to-fix';

/**
 * Turns what the checks found into the report every reporter renders, one operation at a time (so
 * the CLI can print each as it finishes) and the same way at the end: secrets masked, each
 * consequence linked to its root cause, untrusted text tamed.
 */
export class ReportAssembler {
  private readonly causes = new CauseLinker();

  /** `t`: the run's language, for what taming adds ("… and N more characters"). */
  constructor(
    private readonly secrets: SecretForm[],
    private readonly t: T = translatorFor('en'),
  ) {}

  /** One finished operation, ready to print. */
  operation(report: OperationReport, facts: OperationFacts): OperationReport {
    // Masked before taming: a cut must never leave half a secret behind.
    return tameDeep(this.causes.link(maskSecretsDeep(report, this.secrets), facts), this.t);
  }

  /**
   * The whole report, from operations already passed through `operation`; any further part of the
   * report (the runner's own keys) is masked and tamed like the rest and kept after the standard ones.
   */
  finish(parts: Omit<RunReport, 'tool' | 'verdict' | 'whatToFix' | 'summary'>): RunReport {
    // The last line of defence, for text a check built from what it sent (received text is masked on arrival).
    const { target, operations, notes, meta, ...more } = tameDeep(maskSecretsDeep(parts, this.secrets), this.t);
    const summary = summarize({ operations });
    return {
      tool: 'merchant-kit verify',
      target,
      verdict: runVerdict(summary),
      whatToFix: whatToFix(operations),
      summary,
      operations,
      notes,
      meta,
      ...more,
    };
  }
}
