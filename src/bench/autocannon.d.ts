// autocannon ships no types and @types/autocannon is not installed: only what the bench reads is declared.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface Histogram {
      average: number;
      p50: number;
      p99: number;
      total: number;
    }
    interface Options {
      url: string;
      method?: 'GET' | 'POST';
      body?: string;
      headers?: Record<string, string>;
      connections?: number;
      duration?: number;
      timeout?: number;
      /** Per-request overrides; setupRequest may change each request before it is sent. */
      requests?: { setupRequest?: (request: RequestParams) => RequestParams }[];
    }
    interface RequestParams {
      method?: string;
      path?: string;
      body?: string;
      headers?: Record<string, string>;
    }
    interface Result {
      requests: Histogram;
      latency: Histogram;
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      statusCodeStats: Record<string, { count: number }>;
    }
    interface Instance extends EventEmitter, PromiseLike<Result> {
      stop(): void;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
