import YAML from 'yaml';
import { fencedBlocks, markdownSection } from '../support/markdown';

/** One step of a GitHub Actions workflow or composite action. */
export interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

/** A CI example from the docs: the step that runs the kit, and where the upload step picks up reports. */
export interface CiExample {
  source: string;
  /** The step that uses this repository's action, if the example does. */
  actionStep?: WorkflowStep;
  /** The `run:` step that installs the kit with npm, if the example does. */
  installStep?: WorkflowStep;
  /** The `run:` step that runs `merchant-kit verify`, if the example does. */
  verifyStep?: WorkflowStep;
  /** `with.path` of the actions/upload-artifact step. */
  uploadPath?: string;
}

/** Every step of a workflow, or of a bare list of steps. */
function stepsOf(parsed: unknown): WorkflowStep[] {
  if (Array.isArray(parsed)) return parsed as WorkflowStep[];
  const jobs = (parsed as { jobs?: Record<string, { steps?: WorkflowStep[] }> }).jobs ?? {};
  return Object.values(jobs).flatMap((job) => job.steps ?? []);
}

/** The CI examples of both READMEs ("In CI", "Na CI") and docs/verify.md ("In CI (GitHub Actions)"). */
export function ciExamples(): CiExample[] {
  const sources: Array<[string, RegExp]> = [
    ['README.md', /^## In CI/m],
    ['README.pt-BR.md', /^## Na CI/m],
    ['docs/verify.md', /^## In CI \(GitHub Actions\)/m],
  ];
  return sources.flatMap(([source, heading]) =>
    fencedBlocks(markdownSection(source, heading), 'yaml').map((block) => {
      const steps = stepsOf(YAML.parse(block));
      const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
      return {
        source,
        actionStep: steps.find((step) => /\/omnichat-merchant-kit@/.test(step.uses ?? '')),
        installStep: steps.find((step) => /^npm install\b/m.test(step.run ?? '')),
        verifyStep: steps.find((step) => /\bmerchant-kit verify\b/.test(step.run ?? '')),
        uploadPath: upload?.with?.path as string | undefined,
      };
    }),
  );
}
