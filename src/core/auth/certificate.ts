/**
 * Reads an app certificate the way users have it: a PEM file with the private key and the
 * certificate (the key may be encrypted), or a PFX/PKCS#12 file with a passphrase (read by ./pfx, loaded only then).
 * Returns the unencrypted PKCS#8 key for SecretStorage and the SHA-256 thumbprint MSAL needs.
 */
import * as crypto from 'crypto';
import type { PfxContents } from './pfx';

export interface LoadedCertificate {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
  /** Uppercase hex, no separators, as the Entra portal shows it. */
  readonly thumbprintSha256: string;
  readonly thumbprintSha1: string;
  readonly subject: string;
  readonly notAfter: Date;
}

export class CertificateError extends Error {
  constructor(
    message: string,
    readonly needsPassphrase = false,
  ) {
    super(message);
  }
}

const PRIVATE_KEY = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;
const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

function finish(keyObject: crypto.KeyObject, certPem: string): LoadedCertificate {
  const x509 = new crypto.X509Certificate(certPem);
  if (!x509.checkPrivateKey(keyObject)) throw new CertificateError('The private key does not belong to the certificate in this file.');
  const der = x509.raw;
  return {
    privateKeyPem: keyObject.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: x509.toString(),
    thumbprintSha256: crypto.createHash('sha256').update(der).digest('hex').toUpperCase(),
    thumbprintSha1: crypto.createHash('sha1').update(der).digest('hex').toUpperCase(),
    subject: x509.subject.replace(/\n/g, ', '),
    notAfter: new Date(x509.validTo),
  };
}

export function loadPemCertificate(text: string, passphrase?: string): LoadedCertificate {
  const keyMatch = PRIVATE_KEY.exec(text);
  const certMatch = CERTIFICATE.exec(text);
  if (!keyMatch) throw new CertificateError('No private key found. The PEM file must hold the private key and the certificate (cat key.pem cert.pem > app.pem).');
  if (!certMatch) throw new CertificateError('No certificate found. The PEM file must hold the certificate as well as the private key.');
  const encrypted = /ENCRYPTED/.test(keyMatch[0]) || /Proc-Type: 4,ENCRYPTED/.test(keyMatch[0]);
  if (encrypted && !passphrase) throw new CertificateError('The private key is encrypted: enter its passphrase.', true);
  let keyObject: crypto.KeyObject;
  try {
    keyObject = crypto.createPrivateKey({ key: keyMatch[0], format: 'pem', ...(passphrase ? { passphrase } : {}) });
  } catch {
    throw new CertificateError(encrypted ? 'The passphrase does not open the private key.' : 'The private key could not be read.', encrypted);
  }
  return finish(keyObject, certMatch[0]);
}

/** Reads a PFX; `read` is the node-forge reader (./pfx), loaded by the caller only for PFX files. */
export function loadPfxCertificate(bytes: Buffer, passphrase: string, read: (bytes: Buffer, passphrase: string) => PfxContents): LoadedCertificate {
  let p12: PfxContents;
  try {
    p12 = read(bytes, passphrase);
  } catch {
    throw new CertificateError('The passphrase does not open this PFX file, or the file is not a PFX.', true);
  }
  if (!p12.privateKeyPem) throw new CertificateError('The PFX file holds no private key.');
  if (p12.certificatePems.length === 0) throw new CertificateError('The PFX file holds no certificate.');
  const keyObject = crypto.createPrivateKey(p12.privateKeyPem);
  // A PFX may carry the chain; the app's certificate is the one that matches the key.
  for (const pem of p12.certificatePems) {
    if (new crypto.X509Certificate(pem).checkPrivateKey(keyObject)) return finish(keyObject, pem);
  }
  throw new CertificateError('No certificate in the PFX file matches its private key.');
}

export async function loadCertificateFile(bytes: Buffer, fileName: string, passphrase?: string): Promise<LoadedCertificate> {
  const text = bytes.toString('utf8');
  if (/\.(pfx|p12)$/i.test(fileName) || !text.includes('-----BEGIN')) {
    if (passphrase === undefined) throw new CertificateError('Enter the PFX passphrase (leave it empty if the file has none).', true);
    const { readPfx } = await import('./pfx');
    return loadPfxCertificate(bytes, passphrase, readPfx);
  }
  return loadPemCertificate(text, passphrase);
}
