import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A call the stand-in OmniChat received. */
export interface ReceivedCall {
  path: string;
  authorization?: string;
  body: unknown;
}

/**
 * A stand-in for OmniChat's orders API: records callbacks and answers each with the next status of
 * `statuses` (200 when none is left; 'hold': no answer until `release()`). `hold()` keeps every answer
 * back until `release()`.
 */
export class OmniChatStandIn {
  readonly calls: ReceivedCall[] = [];
  statuses: (number | 'hold')[] = [];
  private held: (() => void)[] | undefined;
  private readonly server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      this.calls.push({ path: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(text) });
      const next = this.statuses.shift() ?? 200;
      const answer = (): void => {
        res.statusCode = next === 'hold' ? 200 : next;
        res.end('{}');
      };
      if (next === 'hold') (this.held ??= []).push(answer);
      else if (this.held) this.held.push(answer);
      else answer();
    });
  });

  /** Listens on a free loopback port; resolves with its base URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Holds every answer from now on. */
  hold(): void {
    this.held = [];
  }

  /** Sends the held answers and stops holding. */
  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const answer of held) answer();
  }

  stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
