/**
 * PKCS#12 (PFX) parsing with node-forge, which Node's crypto cannot do. It is its own bundle,
 * loaded only when someone picks a PFX file: most users never pay for it. It throws plain errors
 * and returns PEM text, so nothing of its classes crosses the bundle boundary.
 */
import forge from 'node-forge';

export interface PfxContents {
  readonly privateKeyPem: string | undefined;
  readonly certificatePems: readonly string[];
}

export function readPfx(bytes: Buffer, passphrase: string): PfxContents {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary'))), passphrase);
  const { pkcs8ShroudedKeyBag, keyBag, certBag } = forge.pki.oids;
  const keys = [...(p12.getBags({ bagType: pkcs8ShroudedKeyBag })[pkcs8ShroudedKeyBag] ?? []), ...(p12.getBags({ bagType: keyBag })[keyBag] ?? [])];
  const key = keys.find((b) => b.key)?.key;
  const certs = (p12.getBags({ bagType: certBag })[certBag] ?? []).flatMap((b) => (b.cert ? [forge.pki.certificateToPem(b.cert)] : []));
  return { privateKeyPem: key ? forge.pki.privateKeyToPem(key) : undefined, certificatePems: certs };
}
