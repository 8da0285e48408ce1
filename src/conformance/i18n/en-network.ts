// English texts of the transport: why no usable answer arrived, and what helps.

/** Reasons the HTTP client gives (timeouts, refusals, certificates, proxies), each naming what helps. */
export const enNetwork = {
  'net.timeout': 'no complete answer within {ms} ms',
  'net.badUrl': 'the URL is not valid',
  'net.tooLarge': 'the body is larger than {mb} MB; reading stopped there',
  'net.dropped': 'the connection closed before the body was complete',
  'net.notSent': 'the request could not be sent ({error})',
  'net.certExpired': 'the certificate of {host} has expired ({code}): renew it; --insecure skips the check meanwhile',
  'net.certNotYetValid':
    "the certificate of {host} is not valid yet ({code}): check its start date and the server's clock; --insecure skips the check",
  'net.selfSigned':
    '{host} presents a self-signed certificate ({code}): give that certificate with --ca FILE (PEM) to trust it, or --insecure to skip the check',
  'net.untrustedCa':
    "the certificate of {host} is issued by a CA this machine does not trust ({code}), such as an internal CA or a proxy that inspects TLS: give that CA's certificate with --ca FILE (PEM), or --insecure to skip the check",
  'net.unknownCa':
    'the certificate of {host} is issued by a CA this machine does not know ({code}): if it is your own CA, give its certificate with --ca FILE (PEM); if it is a public CA, make the server send its intermediate certificates too; --insecure skips the check',
  'net.altNames': ' (it lists {names})',
  'net.wrongHost':
    'the certificate of {host} is not for {hostname}{listed} ({code}): use a URL with a name the certificate lists, or issue one for {hostname}; --insecure skips the check',
  'net.tlsFailed':
    'TLS handshake with {host} failed ({code}): check the certificate; --ca FILE trusts an internal CA, --insecure skips the check',
  'net.via': 'the proxy {proxy} (from {from})',
  'net.proxyRefused': 'connection refused by {via}: is it running? To reach {hostname} directly, add it to NO_PROXY',
  'net.proxyDns': 'the host name of {via} does not resolve (DNS): check {from}',
  'net.proxyDropped': 'the connection to {host} through {via} closed before an answer',
  'net.refused': 'connection refused by {host}: is the server running and the port right?',
  'net.dns': 'the host name {hostname} does not resolve (DNS)',
  'net.closed': '{host} closed the connection before answering',
  'net.notHttps':
    'TLS handshake with {host} failed (EPROTO): the port does not speak https; if the server is plain http, use an http:// URL',
  'net.headerOverflow':
    "{host} sent response headers larger than Node's limit (16 KB); OmniChat cannot read them either",
  'net.badLength': '{host} sent an invalid Content-Length header ({code})',
  'net.notHttp':
    '{host} did not answer with valid HTTP ({code}): is the port right, and is it an HTTP server (not https or another protocol)?',
  'net.other': '{code} talking to {host}',
  'net.networkError': 'network error',
  'net.proxyCredentials': '{via} wants credentials ({answer}): put them in {from} as http://user:password@host:port',
  'net.proxyDenied':
    '{via} refused to reach {host} ({answer}): ask for it to be allowed, or add {hostname} to NO_PROXY if it is reachable directly',
  'net.refusedAddress':
    '{host} is {kind}: a run started from the QA console does not reach the network its server sits in; start serve with --verify-allow-private to allow it (for local use)',
  'net.refusedName':
    '{host} resolves to {address}, {kind}: a run started from the QA console does not reach the network its server sits in; start serve with --verify-allow-private to allow it (for local use)',
  'net.kind.loopback': 'a loopback address (the server itself)',
  'net.kind.private': 'a private network address',
  'net.kind.link-local': 'a link-local address',
  'net.kind.metadata': "a cloud metadata service's address",
  'net.kind.unspecified': 'the unspecified address (which reaches the server itself)',
  'net.kind.multicast': 'a multicast address',
  'net.kind.reserved': 'a reserved address',
  'net.stopped':
    'the run was stopped before this answer came: it passed the time limit the server sets for one run (serve --verify-time-limit)',
} as const;
