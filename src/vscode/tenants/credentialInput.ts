import * as fs from 'fs';
import { CertificateError, loadCertificateFile, type LoadedCertificate } from '../../core/auth/certificate';
import { isGuid } from '../../core/tenants/tenantConfig';
import { type Prompter } from '../ui/prompter';

/** Asks for a client secret's value, and warns when what was pasted looks like the secret's ID. */
export async function askClientSecret(prompter: Prompter, title: string): Promise<string | undefined> {
  const value = await prompter.input({
    title,
    prompt: "Paste the client secret's Value (Certificates & secrets > Client secrets > Value, shown once when created).",
    password: true,
    validate: (v) => {
      if (v.trim() === '') return 'Paste the secret value.';
      if (isGuid(v.trim())) return { warning: "This looks like the secret's ID (a GUID). Paste its Value instead; the ID is refused (AADSTS7000215)." };
      return undefined;
    },
  });
  return value?.trim() || undefined;
}

/** Asks for a PEM or PFX file (and its passphrase when needed) and reads the key and thumbprint. */
export async function askCertificate(prompter: Prompter, title: string): Promise<LoadedCertificate | undefined> {
  const file = await prompter.openFile({
    title: `${title}: the certificate's private key and certificate`,
    action: 'Use this certificate',
    filters: { 'Certificate with private key': ['pem', 'pfx', 'p12'], 'All files': ['*'] },
  });
  return file ? readCertificate(prompter, file.fsPath, title) : undefined;
}

async function readCertificate(prompter: Prompter, path: string, title: string): Promise<LoadedCertificate | undefined> {
  const bytes = await fs.promises.readFile(path);
  let pass: string | undefined;
  for (;;) {
    try {
      return await loadCertificateFile(bytes, path, pass);
    } catch (e) {
      // A file that is not a key and certificate is a failure of the sign-in, shown (and logged) as one.
      if (!(e instanceof CertificateError) || !e.needsPassphrase) throw e;
      const entered = await prompter.input({ title, prompt: e.message, password: true });
      if (entered === undefined) return undefined;
      pass = entered;
    }
  }
}
