import * as fs from 'fs';
import * as vscode from 'vscode';
import { CertificateError, loadCertificateFile, type LoadedCertificate } from '../../core/auth/certificate';
import { isGuid } from '../../core/tenants/tenantConfig';

/** Asks for a client secret's value, and warns when what was pasted looks like the secret's ID. */
export async function askClientSecret(title: string): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title,
    prompt: "Paste the client secret's Value (Certificates & secrets > Client secrets > Value, shown once when created).",
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => {
      if (v.trim() === '') return 'Paste the secret value.';
      if (isGuid(v.trim())) return { message: "This looks like the secret's ID (a GUID). Paste its Value instead; the ID is refused (AADSTS7000215).", severity: vscode.InputBoxValidationSeverity.Warning };
      return undefined;
    },
  });
  return value?.trim() || undefined;
}

/** Asks for a PEM or PFX file (and its passphrase when needed) and reads the key and thumbprint. */
export async function askCertificate(title: string): Promise<LoadedCertificate | undefined> {
  const files = await vscode.window.showOpenDialog({
    title: `${title}: the certificate's private key and certificate`,
    openLabel: 'Use this certificate',
    canSelectMany: false,
    filters: { 'Certificate with private key': ['pem', 'pfx', 'p12'], 'All files': ['*'] },
  });
  if (!files?.[0]) return undefined;
  return readCertificate(files[0].fsPath, title);
}

export async function readCertificate(path: string, title: string, passphrase?: string): Promise<LoadedCertificate | undefined> {
  const bytes = fs.readFileSync(path);
  let pass = passphrase;
  for (;;) {
    try {
      return await loadCertificateFile(bytes, path, pass);
    } catch (e) {
      if (!(e instanceof CertificateError)) throw e;
      if (!e.needsPassphrase) {
        void vscode.window.showErrorMessage(`${title}: ${e.message}`);
        return undefined;
      }
      const entered = await vscode.window.showInputBox({ title, prompt: e.message, password: true, ignoreFocusOut: true });
      if (entered === undefined) return undefined;
      pass = entered;
    }
  }
}
