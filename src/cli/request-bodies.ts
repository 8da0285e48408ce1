import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A body up to this long stays on the curl line; a longer one (a test order: about 1,100 characters) goes to a file. */
const INLINE_BODY_CHARS = 100;

// The body is the last argument of a curl line (src/conformance/http/curl.ts), shell-quoted in '...'
// with each ' written as '\''. A line cut short by the reports' bound does not end with the quote, and stays whole.
const BODY = / --data-binary ('(?:[^']|'\\'')*')$/;

/** A path as a shell word: bare when it is plain, else single-quoted. */
const shellWord = (text: string): string => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

/**
 * Moves the long request bodies of the console's curl lines into files, so that each line fits a
 * terminal: `--data-binary @reports/RUN-request-2.json` repeats the request exactly (curl sends the
 * file's bytes as they are). `file(n)` names request n's file: the same n as the HTML report's
 * "Request n". The bodies are the reports' own text, so their secrets are already masked.
 */
export class RequestBodies {
  constructor(
    private readonly file: (number: number) => string,
    private readonly numberOf: (curl: string) => number,
  ) {}

  /** The curl line to print: the same line, or with its long body replaced by a reference to its file. */
  shorten = (curl: string): string => {
    const match = BODY.exec(curl);
    if (!match) return curl;
    const body = match[1].slice(1, -1).replace(/'\\''/g, "'");
    if (body.length <= INLINE_BODY_CHARS) return curl;
    const file = this.file(this.numberOf(curl));
    try {
      // One level at most (the reports' directory exists by now, the temporary one's parent too).
      if (!fs.existsSync(path.dirname(file))) fs.mkdirSync(path.dirname(file));
      fs.writeFileSync(file, body);
    } catch {
      return curl; // The whole line is long, but still right.
    }
    return `${curl.slice(0, match.index)} --data-binary ${shellWord(`@${file}`)}`;
  };
}

/**
 * Where request n's body goes: beside the first report (`reports/RUN-request-2.json`), or without
 * reports in a folder of the system's temporary directory named after the run
 * (`/tmp/merchant-kit-RUN/request-2.json`). Named after the run id, so the same id gives the same lines.
 */
export function requestFileName(reportFile: string | undefined, runId: string): (number: number) => string {
  if (reportFile !== undefined) return (n) => path.join(path.dirname(reportFile), `${runId}-request-${n}.json`);
  return (n) => path.join(os.tmpdir(), `merchant-kit-${runId}`, `request-${n}.json`);
}
