import { maskUrl } from '../../common/secrets';
import type { T } from '../i18n';
import type { TargetRefusal } from './target-guard';

/** Why no usable answer arrived, as the client reports it. */
export type FailureCode =
  | 'timeout'
  | 'refused'
  | 'dns'
  | 'tls'
  | 'protocol'
  | 'too-large'
  | 'dropped'
  | 'network'
  | 'proxy'
  | 'refused-target'
  | 'stopped';

/** A proxy and the variable that set it. */
type NamedProxy = { url: string; from: string };

/** "the proxy http://corp:3128 (from HTTPS_PROXY)": how every proxy failure names it, credentials masked. */
const viaProxy = (t: T, proxy: NamedProxy): string =>
  t('net.via', { proxy: maskUrl(proxy.url).replace(/\/$/, ''), from: proxy.from });

/** A certificate problem, as OpenSSL and Node name it, and what helps. */
function describeCertificate(
  t: T,
  error: NodeJS.ErrnoException & { cert?: { subjectaltname?: string } },
  url: URL,
): string | undefined {
  const host = url.host;
  const code = error.code ?? '';
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return t('net.certExpired', { host, code });
    case 'CERT_NOT_YET_VALID':
      return t('net.certNotYetValid', { host, code });
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return t('net.selfSigned', { host, code });
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return t('net.untrustedCa', { host, code });
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return t('net.unknownCa', { host, code });
    case 'ERR_TLS_CERT_ALTNAME_INVALID': {
      const names = error.cert?.subjectaltname;
      const listed = names ? t('net.altNames', { names }) : '';
      return t('net.wrongHost', { host, hostname: url.hostname, listed, code });
    }
    default:
      if (/CERT|SSL|TLS|SELF_SIGNED/.test(code)) return t('net.tlsFailed', { host, code });
      return undefined;
  }
}

/**
 * Turns a socket error into a reason a merchant can act on (no stack, no request headers). Through a
 * proxy, connection errors are the proxy's, and the reason names it and the variable that set it.
 */
export function describeSocketError(
  t: T,
  error: NodeJS.ErrnoException,
  url: URL,
  proxy?: NamedProxy,
): [FailureCode, string] {
  const host = url.host;
  const certificate = describeCertificate(t, error, url);
  if (certificate) return ['tls', certificate];
  if (proxy) {
    const via = viaProxy(t, proxy);
    switch (error.code) {
      case 'ECONNREFUSED':
        return ['proxy', t('net.proxyRefused', { via, hostname: url.hostname })];
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return ['proxy', t('net.proxyDns', { via, from: proxy.from })];
      case 'ECONNRESET':
      case 'EPIPE':
        return ['dropped', t('net.proxyDropped', { host, via })];
    }
  }
  switch (error.code) {
    case 'ECONNREFUSED':
      return ['refused', t('net.refused', { host })];
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return ['dns', t('net.dns', { hostname: url.hostname })];
    case 'ECONNRESET':
    case 'EPIPE':
      return ['dropped', t('net.closed', { host })];
    case 'EPROTO':
      // OpenSSL's "wrong version number": the port answers plain http to our https.
      return ['tls', t('net.notHttps', { host })];
    case 'HPE_HEADER_OVERFLOW':
      return ['protocol', t('net.headerOverflow', { host })];
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return ['protocol', t('net.badLength', { host, code: error.code })];
    default:
      if (error.code?.startsWith('HPE_')) {
        return ['protocol', t('net.notHttp', { host, code: error.code })];
      }
      return ['network', t('net.other', { code: error.code ?? t('net.networkError'), host })];
  }
}

/**
 * The reason for an answer that came from the proxy rather than the merchant: a refused CONNECT (its
 * status, over a socket that never became TLS) or a 407 asking for the proxy's credentials.
 */
export function describeProxyRefusal(t: T, status: number, statusText: string, url: URL, proxy: NamedProxy): string {
  const via = viaProxy(t, proxy);
  const answer = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 407) return t('net.proxyCredentials', { via, answer, from: proxy.from });
  return t('net.proxyDenied', { via, host: url.host, answer, hostname: url.hostname });
}

/** Why a run from a server did not call a target: it is, or resolves to, an address of that server's own network. */
export function describeRefusedTarget(t: T, refusal: TargetRefusal): string {
  const kind = t(`net.kind.${refusal.kind}`);
  return refusal.host === refusal.address || refusal.host === `[${refusal.address}]`
    ? t('net.refusedAddress', { host: refusal.host, kind })
    : t('net.refusedName', { host: refusal.host, address: refusal.address, kind });
}
