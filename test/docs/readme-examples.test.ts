import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';
import { runToEnd } from '../support/child-process';
import { CLI, cliEnvironment } from '../support/run-cli';
import { startServe, type ServeChild } from '../support/serve-child';

// The README's shell examples, run as a reader runs them: every fenced sh block, top to bottom, in one
// shell, against one mock. Only what must be is stood in for: the install commands and a bare
// `merchant-kit serve` or `npm start` (the kit is built and its mock started here, on a free port
// instead of 4010), `merchant-kit` and `npx merchant-kit` (the built CLI) and merchant.json (your copy
// of merchant.example.json, here pointing at this mock). curl fails on an HTTP error. Then everything
// runs once more on the same mock, as a reader who goes back to the merchant quick-start after trying
// the QA examples: an example that leaves the mock changed (a default scenario never cleared) breaks
// the ones before it.

/** One fenced sh block: where it starts and its commands, unindented. */
interface Block {
  line: number;
  text: string;
}

/** The fenced sh blocks of a markdown file, in order (also those indented inside a list). */
function shellBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(\s*)```(?:sh|bash|shell)\s*$/.exec(lines[i]);
    if (!open) continue;
    const indent = open[1].length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]); j += 1) body.push(lines[j].slice(indent));
    blocks.push({ line: i + 1, text: body.join('\n') });
    i = j;
  }
  return blocks;
}

// What this test has done already: installed and built the kit, started its mock.
const SET_UP = [
  /^git clone\b/,
  /^cd omnichat-merchant-kit$/,
  /^npm (ci|i|install|start|test|run build)\b/,
  /^(npx )?(merchant-kit|omnichat-merchant-kit) serve$/,
];

/** A command line (continuations joined) with the set-up commands stood in for by `:`. */
function standIn(command: string): { run: string; skipped: boolean } {
  const code = command.replace(/\s+#.*$/, '').trim();
  const parts = code.split('&&').map((part) => part.trim());
  const skipped = code !== '' && parts.every((part) => SET_UP.some((pattern) => pattern.test(part)));
  return { run: skipped ? `: ${JSON.stringify(code)}` : command, skipped };
}

/** The script a reader's shell would run: the blocks in order, each announced so a failure says where. */
function scriptOf(file: string, blocks: Block[], origin: string): { script: string; runnable: number } {
  let runnable = 0;
  const parts = blocks.map((block) => {
    const commands = block.text
      .replace(/\\\n/g, ' ')
      .split('\n')
      .map((command) => {
        const { run, skipped } = standIn(command);
        if (!skipped && run.replace(/#.*$/, '').trim() !== '') runnable += 1;
        return run;
      });
    return [`echo "--- ${file} line ${block.line}"`, ...commands].join('\n');
  });
  return { script: parts.join('\n').replace(/127\.0\.0\.1:4010/g, origin.replace('http://', '')), runnable };
}

// The kit's commands run the built CLI; a serve with flags would start a second mock, which needs a
// stand-in of its own: it fails here rather than wait for ever.
const PREAMBLE = `set -eo pipefail
kit() {
  if [ "$1" = serve ]; then echo "merchant-kit serve $*: this test runs one mock, give it a stand-in" >&2; return 2; fi
  node "$KIT_CLI" "$@"
}
merchant-kit() { kit "$@"; }
omnichat-merchant-kit() { kit "$@"; }
npx() {
  case "$1" in
    merchant-kit|omnichat-merchant-kit) shift; kit "$@" ;;
    *) echo "npx $1: not part of the kit" >&2; return 127 ;;
  esac
}
curl() { command curl --fail-with-body --noproxy '*' "$@"; echo; }
`;

describe.each(['README.md', 'README.pt-BR.md'])('the shell examples of %s', (file) => {
  let mock: ServeChild | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await mock?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('run top to bottom on one mock, and again, each command succeeding', async () => {
    const blocks = shellBlocks(fs.readFileSync(path.join(PACKAGE_ROOT, file), 'utf8'));
    mock = await startServe(['--quiet']);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-readme-'));
    const config = fs
      .readFileSync(path.join(PACKAGE_ROOT, 'merchant.example.json'), 'utf8')
      .replace(/http:\/\/127\.0\.0\.1:4010/g, mock.origin);
    fs.writeFileSync(path.join(dir, 'merchant.example.json'), config);
    fs.writeFileSync(path.join(dir, 'merchant.json'), config);
    const { script, runnable } = scriptOf(file, blocks, mock.origin);
    // The examples that call the mock and run verify, not only the install lines.
    expect(runnable).toBeGreaterThanOrEqual(3);
    const result = await runToEnd('bash', ['-c', `${PREAMBLE}\n${script}\n${script}`], {
      cwd: dir,
      env: cliEnvironment({ KIT_CLI: CLI }),
    });
    if (result.code !== 0) {
      const shown = `${result.stdout}\n${result.stderr}`;
      throw new Error(`the examples stopped (exit ${result.code}) at:\n${shown.slice(-3000)}`);
    }
    expect(result.stdout.match(/^--- /gm)).toHaveLength(2 * blocks.length);
  });
});
