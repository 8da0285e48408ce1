import { maskUrl } from '../../common/secrets';

/** Why no usable answer arrived, as the client reports it. */
export type FailureCode =
  'timeout' | 'refused' | 'dns' | 'tls' | 'protocol' | 'too-large' | 'dropped' | 'network' | 'proxy';

/** A certificate problem, as OpenSSL and Node name it, and what helps. */
function describeCertificate(
  error: NodeJS.ErrnoException & { cert?: { subjectaltname?: string } },
  url: URL,
): string | undefined {
  const host = url.host;
  const code = error.code ?? '';
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return `the certificate of ${host} has expired (${code}): renew it; --insecure skips the check meanwhile`;
    case 'CERT_NOT_YET_VALID':
      return `the certificate of ${host} is not valid yet (${code}): check its start date and the server's clock; --insecure skips the check`;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return `${host} presents a self-signed certificate (${code}): give that certificate with --ca FILE (PEM) to trust it, or --insecure to skip the check`;
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return `the certificate of ${host} is issued by a CA this machine does not trust (${code}), such as an internal CA or a proxy that inspects TLS: give that CA's certificate with --ca FILE (PEM), or --insecure to skip the check`;
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return `the certificate of ${host} is issued by a CA this machine does not know (${code}): if it is your own CA, give its certificate with --ca FILE (PEM); if it is a public CA, make the server send its intermediate certificates too; --insecure skips the check`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID': {
      const names = error.cert?.subjectaltname;
      const listed = names ? ` (it lists ${names})` : '';
      return `the certificate of ${host} is not for ${url.hostname}${listed} (${code}): use a URL with a name the certificate lists, or issue one for ${url.hostname}; --insecure skips the check`;
    }
    default:
      if (/CERT|SSL|TLS|SELF_SIGNED/.test(code))
        return `TLS handshake with ${host} failed (${code}): check the certificate; --ca FILE trusts an internal CA, --insecure skips the check`;
      return undefined;
  }
}

/**
 * Turns a socket error into a reason a merchant can act on (no stack, no request headers). Through a
 * proxy, connection errors are the proxy's, and the reason names it and the variable that set it.
 */
export function describeSocketError(
  error: NodeJS.ErrnoException,
  url: URL,
  proxy?: { url: string; from: string },
): [FailureCode, string] {
  const host = url.host;
  const certificate = describeCertificate(error, url);
  if (certificate) return ['tls', certificate];
  if (proxy) {
    const via = `the proxy ${maskUrl(proxy.url).replace(/\/$/, '')} (from ${proxy.from})`;
    switch (error.code) {
      case 'ECONNREFUSED':
        return [
          'proxy',
          `connection refused by ${via}: is it running? To reach ${url.hostname} directly, add it to NO_PROXY`,
        ];
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return ['proxy', `the host name of ${via} does not resolve (DNS): check ${proxy.from}`];
      case 'ECONNRESET':
      case 'EPIPE':
        return ['dropped', `the connection to ${host} through ${via} closed before an answer`];
    }
  }
  switch (error.code) {
    case 'ECONNREFUSED':
      return ['refused', `connection refused by ${host}: is the server running and the port right?`];
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return ['dns', `the host name ${url.hostname} does not resolve (DNS)`];
    case 'ECONNRESET':
    case 'EPIPE':
      return ['dropped', `${host} closed the connection before answering`];
    case 'EPROTO':
      // OpenSSL's "wrong version number": the port answers plain http to our https.
      return [
        'tls',
        `TLS handshake with ${host} failed (EPROTO): the port does not speak https; if the server is plain http, use an http:// URL`,
      ];
    case 'HPE_HEADER_OVERFLOW':
      return [
        'protocol',
        `${host} sent response headers larger than Node's limit (16 KB); OmniChat cannot read them either`,
      ];
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return ['protocol', `${host} sent an invalid Content-Length header (${error.code})`];
    default:
      if (error.code?.startsWith('HPE_')) {
        return [
          'protocol',
          `${host} did not answer with valid HTTP (${error.code}): is the port right, and is it an HTTP server (not https or another protocol)?`,
        ];
      }
      return ['network', `${error.code ?? 'network error'} talking to ${host}`];
  }
}

/**
 * The reason for an answer that came from the proxy rather than the merchant: a refused CONNECT (its
 * status, over a socket that never became TLS) or a 407 asking for the proxy's credentials.
 */
export function describeProxyRefusal(
  status: number,
  statusText: string,
  url: URL,
  proxy: { url: string; from: string },
): string {
  const via = `the proxy ${maskUrl(proxy.url).replace(/\/$/, '')} (from ${proxy.from})`;
  const answer = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 407)
    return `${via} wants credentials (${answer}): put them in ${proxy.from} as http://user:password@host:port`;
  return `${via} refused to reach ${url.host} (${answer}): ask for it to be allowed, or add ${url.hostname} to NO_PROXY if it is reachable directly`;
}
