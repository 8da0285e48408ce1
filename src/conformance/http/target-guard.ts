import dns from 'node:dns';
import net, { type LookupFunction } from 'node:net';
import { classifyAddress, type AddressKind } from './address-kinds';

/** A target a guarded run does not reach: the host as written, the address it is or resolved to, and its kind. */
export interface TargetRefusal {
  host: string;
  address: string;
  kind: AddressKind;
}

/** The error a guarded socket's lookup fails with; the client turns it into a "could not check" reason. */
export class TargetRefusedError extends Error {
  readonly code = 'ETARGETREFUSED';

  constructor(readonly refusal: TargetRefusal) {
    super(`${refusal.host} is a ${refusal.kind} address (${refusal.address})`);
    this.name = 'TargetRefusedError';
  }
}

/** How a run from a server is fenced in; every field but allowPrivate has a default. */
export interface TargetGuardOptions {
  /** Reach loopback, private, link-local and metadata addresses too (`serve --verify-allow-private`). */
  allowPrivate: boolean;
  /** Addresses let through although they are private (an embedder's own staging host; tests). */
  allowAddresses?: readonly string[];
  /** Aborted when the run passes its time limit: every exchange in flight ends, and no new one starts. */
  signal?: AbortSignal;
  /** The resolver the socket's lookup asks (dns.lookup; tests give one that answers what they need). */
  resolve?: typeof dns.lookup;
}

type LookupAddress = { address: string; family: number };

/**
 * Keeps a run started from a server (the QA console) out of the network that server sits in. A URL
 * whose host is an IP address is judged before any socket opens; a host name is judged by the socket's
 * own lookup, on the addresses it is about to connect to, so a name that resolves to a public address
 * once and to 127.0.0.1 the next time (DNS rebinding) is caught where it matters. verify never follows
 * a redirect (the client returns the 3xx as it is), so no other address is ever contacted.
 */
export class TargetGuard {
  private readonly allowed: Set<string>;
  private readonly resolve: typeof dns.lookup;

  constructor(private readonly options: TargetGuardOptions) {
    this.allowed = new Set(options.allowAddresses ?? []);
    this.resolve = options.resolve ?? dns.lookup;
  }

  /** The run's time limit signal, if any. */
  get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  /** Why the address is refused, or undefined when the run may reach it. */
  judge(host: string, address: string): TargetRefusal | undefined {
    if (this.options.allowPrivate || this.allowed.has(address)) return undefined;
    const kind = classifyAddress(address);
    return kind === undefined ? undefined : { host, address, kind };
  }

  /** For a URL whose host is an IP address (no lookup happens then): why it is refused, or undefined. */
  judgeLiteral(hostname: string): TargetRefusal | undefined {
    const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    return net.isIP(bare) === 0 ? undefined : this.judge(hostname, bare);
  }

  /** The socket's `lookup`: resolves as dns.lookup does, then refuses when any address found is refused. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.resolve(hostname, { ...options, all: true }, (error, found) => {
      if (error) return callback(error, '', 0);
      const addresses = found as unknown as LookupAddress[];
      for (const { address } of addresses) {
        const refusal = this.judge(hostname, address);
        if (refusal) return callback(new TargetRefusedError(refusal), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
