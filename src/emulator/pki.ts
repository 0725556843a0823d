/**
 * The emulator's X.509 material: a throw-away CA, a loopback server certificate signed by it, and a
 * self-signed certificate per app that has one (its private key is handed to tests, as a user's
 * would be). Keys come from Node's crypto; node-forge does the certificate encoding.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import forge from 'node-forge';

export interface KeyAndCert {
  readonly keyPem: string;
  readonly certPem: string;
}

export interface AppCertificate extends KeyAndCert {
  readonly certificatePemPath: string;
  readonly privateKeyPemPath: string;
  readonly thumbprintSha256: string;
  readonly thumbprintSha1: string;
  /** base64url of the thumbprints, as they appear in `x5t#S256` / `x5t`. */
  readonly x5tS256: string;
  readonly x5t: string;
  readonly publicKey: crypto.KeyObject;
}

function newKeyPair(): { keyPem: string; forgeKey: forge.pki.rsa.PrivateKey; forgePublic: forge.pki.rsa.PublicKey } {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const forgePublic = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  return { keyPem, forgeKey, forgePublic };
}

function serial(): string {
  // Positive, non-zero serial number.
  return '01' + crypto.randomBytes(15).toString('hex');
}

function validity(cert: forge.pki.Certificate, days: number): void {
  const now = new Date();
  cert.validity.notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

export function createCa(): KeyAndCert & { forgeKey: forge.pki.rsa.PrivateKey; forgeCert: forge.pki.Certificate } {
  const { keyPem, forgeKey, forgePublic } = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forgePublic;
  cert.serialNumber = serial();
  validity(cert, 365);
  const name = [{ name: 'commonName', value: 'Identity Log Explorer fake tenant CA' }, { name: 'organizationName', value: 'Identity Log Explorer (test only)' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forgeKey, forge.md.sha256.create());
  return { keyPem, certPem: forge.pki.certificateToPem(cert), forgeKey, forgeCert: cert };
}

/** A server certificate for the loopback names only (and the loopback address the server listens on). */
export function createServerCert(ca: ReturnType<typeof createCa>, host = '127.0.0.1'): KeyAndCert {
  const { keyPem, forgePublic } = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forgePublic;
  cert.serialNumber = serial();
  validity(cert, 30);
  cert.setSubject([{ name: 'commonName', value: '127.0.0.1' }]);
  cert.setIssuer(ca.forgeCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
        { type: 2, value: 'localhost' },
        ...(host !== '127.0.0.1' ? [{ type: 7, ip: host }] : []),
      ],
    },
  ]);
  cert.sign(ca.forgeKey, forge.md.sha256.create());
  return { keyPem, certPem: forge.pki.certificateToPem(cert) };
}

function thumbprint(certPem: string, algorithm: 'sha1' | 'sha256'): Buffer {
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(forge.pki.certificateFromPem(certPem))).getBytes(), 'binary');
  return crypto.createHash(algorithm).update(der).digest();
}

/** A self-signed app certificate, written as PEM files the way a user would keep them. */
export function createAppCertificate(dir: string, clientId: string): AppCertificate {
  const { keyPem, forgeKey, forgePublic } = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forgePublic;
  cert.serialNumber = serial();
  validity(cert, 365);
  const name = [{ name: 'commonName', value: `app-${clientId}` }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(forgeKey, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  const certificatePemPath = path.join(dir, `app-${clientId}.cert.pem`);
  const privateKeyPemPath = path.join(dir, `app-${clientId}.key.pem`);
  fs.writeFileSync(certificatePemPath, certPem);
  fs.writeFileSync(privateKeyPemPath, keyPem, { mode: 0o600 });
  const s256 = thumbprint(certPem, 'sha256');
  const s1 = thumbprint(certPem, 'sha1');
  return {
    keyPem,
    certPem,
    certificatePemPath,
    privateKeyPemPath,
    thumbprintSha256: s256.toString('hex').toUpperCase(),
    thumbprintSha1: s1.toString('hex').toUpperCase(),
    x5tS256: s256.toString('base64url'),
    x5t: s1.toString('base64url'),
    publicKey: crypto.createPublicKey(keyPem),
  };
}
