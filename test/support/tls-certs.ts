import crypto from 'node:crypto';
import * as x509 from '@peculiar/x509';

// Certificates made in the test run, in pure JS (node's WebCrypto keys, @peculiar/x509 for the X.509
// structure): no openssl binary, no files checked in, nothing that expires between runs.
x509.cryptoProvider.set(crypto.webcrypto as Crypto);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 24 * 60 * 60 * 1000;

/** A certificate and its private key, both PEM, as tls.createServer takes them. */
export interface Pem {
  cert: string;
  key: string;
}

/** A test CA, with the leaves it signs. */
export interface TestPki {
  ca: Pem;
  /** Signed by the CA, for 127.0.0.1 and localhost, valid now. */
  leaf: Pem;
  /** Signed by the CA, for 127.0.0.1, expired yesterday. */
  expired: Pem;
  /** Signed by the CA, for shop.example.com only. */
  wrongHost: Pem;
  /** Self-signed, for 127.0.0.1 and localhost. */
  selfSigned: Pem;
}

const pemKey = (key: CryptoKey): string =>
  crypto.KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }).toString();

let serial = 1;
const nextSerial = (): string => (serial++).toString(16).padStart(2, '0');

async function keys(): Promise<CryptoKeyPair> {
  return (await crypto.webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
}

function serverExtensions(names: { type: 'ip' | 'dns'; value: string }[]): x509.Extension[] {
  return [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    new x509.SubjectAlternativeNameExtension(names),
  ];
}

const LOOPBACK = [
  { type: 'ip' as const, value: '127.0.0.1' },
  { type: 'dns' as const, value: 'localhost' },
];

/** Makes a CA and the leaves the TLS tests need. ECDSA P-256 keys: a few milliseconds each. */
export async function makeTestPki(): Promise<TestPki> {
  const now = Date.now();
  const caKeys = await keys();
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: 'CN=merchant-kit test CA',
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 30 * DAY),
    signingAlgorithm: ALGORITHM,
    keys: caKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const signed = async (
    subject: string,
    names: { type: 'ip' | 'dns'; value: string }[],
    notBefore: number,
    notAfter: number,
  ): Promise<Pem> => {
    const leafKeys = await keys();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: nextSerial(),
      subject,
      issuer: caCert.subject,
      notBefore: new Date(notBefore),
      notAfter: new Date(notAfter),
      signingAlgorithm: ALGORITHM,
      publicKey: leafKeys.publicKey,
      signingKey: caKeys.privateKey,
      extensions: [...serverExtensions(names), await x509.AuthorityKeyIdentifierExtension.create(caCert)],
    });
    return { cert: cert.toString('pem'), key: pemKey(leafKeys.privateKey) };
  };
  const selfKeys = await keys();
  const selfCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: 'CN=127.0.0.1',
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 30 * DAY),
    signingAlgorithm: ALGORITHM,
    keys: selfKeys,
    extensions: serverExtensions(LOOPBACK),
  });
  return {
    ca: { cert: caCert.toString('pem'), key: pemKey(caKeys.privateKey) },
    leaf: await signed('CN=127.0.0.1', LOOPBACK, now - DAY, now + 30 * DAY),
    expired: await signed('CN=127.0.0.1', LOOPBACK, now - 30 * DAY, now - DAY),
    wrongHost: await signed(
      'CN=shop.example.com',
      [{ type: 'dns', value: 'shop.example.com' }],
      now - DAY,
      now + 30 * DAY,
    ),
    selfSigned: { cert: selfCert.toString('pem'), key: pemKey(selfKeys.privateKey) },
  };
}
