import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PACKAGE_ROOT } from '../../src/contracts';
import type { WorkflowStep } from '../action/ci-examples';

// The maintainers' release (CONTRIBUTING.md, "Releasing"): one tarball packed, tested as a merchant
// installs it (installed-package.test.ts, given MERCHANT_KIT_TARBALL), then that same file published
// with provenance and attached to the GitHub release the install instructions download from.
interface Job {
  needs?: string;
  permissions?: Record<string, string>;
  container?: string;
  steps: WorkflowStep[];
}
const workflow = YAML.parse(
  fs.readFileSync(path.join(PACKAGE_ROOT, '.github', 'workflows', 'release.yml'), 'utf8'),
) as {
  on: { push: { tags: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const runs = (job: Job): string[] => job.steps.flatMap((step) => (step.run === undefined ? [] : [step.run.trim()]));

describe('.github/workflows/release.yml', () => {
  it('runs on a version tag, with no write permission but where a job needs one', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('packs once, after the whole suite, and tests that tarball as a merchant installs it', () => {
    const { pack } = workflow.jobs;
    const commands = runs(pack);
    const [suite, packing, testing] = ['.ci/run', 'npm pack', 'MERCHANT_KIT_TARBALL='].map((start) =>
      commands.findIndex((line) => line.split('\n').some((part) => part.trim().startsWith(start))),
    );
    expect(suite).toBeGreaterThanOrEqual(0);
    expect(packing).toBeGreaterThan(suite);
    expect(testing).toBeGreaterThan(packing);
    expect(commands[packing]).toBe('npm pack --pack-destination release');
    expect(commands[testing]).toMatch(/MERCHANT_KIT_TARBALL="\$PWD\/\$tarball" npx jest test\/package$/);
    expect(pack.steps.at(-1)).toMatchObject({ uses: 'actions/upload-artifact@v4', with: { path: 'release/' } });
  });

  it('publishes that tarball with provenance and attaches it to the GitHub release of the tag', () => {
    const { publish } = workflow.jobs;
    expect(publish.needs).toBe('pack');
    expect(publish.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    expect(publish.steps[0]).toMatchObject({ uses: 'actions/download-artifact@v4', with: { path: 'release/' } });
    expect(runs(publish)).toEqual([
      'npm publish release/omnichat-merchant-kit-*.tgz --provenance --access public',
      'gh release create "$GITHUB_REF_NAME" release/omnichat-merchant-kit-*.tgz --repo "$GITHUB_REPOSITORY" --title "$GITHUB_REF_NAME" --generate-notes',
    ]);
  });
});
