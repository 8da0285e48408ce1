import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PACKAGE_ROOT } from '../../src/contracts';

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
  /** The `run:` step that calls npx, if the example does. */
  npxStep?: WorkflowStep;
  /** `with.path` of the actions/upload-artifact step. */
  uploadPath?: string;
}

/** The ```yaml blocks under a markdown heading (up to the next heading of the same level). */
function yamlBlocks(file: string, heading: RegExp): string[] {
  const text = fs.readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');
  const start = text.search(heading);
  if (start < 0) throw new Error(`${file} has no section matching ${heading}`);
  const rest = text.slice(start + 1);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]);
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
    yamlBlocks(source, heading).map((block) => {
      const steps = stepsOf(YAML.parse(block));
      const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
      return {
        source,
        actionStep: steps.find((step) => /\/omnichat-merchant-kit@/.test(step.uses ?? '')),
        npxStep: steps.find((step) => /\bnpx\b/.test(step.run ?? '')),
        uploadPath: upload?.with?.path as string | undefined,
      };
    }),
  );
}
