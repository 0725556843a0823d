/**
 * Microsoft's KQL parser (@kusto/language-service-next), behind the few calls this extension makes.
 * The package is two scripts that define globals (Bridge.NET's runtime, then Kusto.Language); this
 * module runs them once and hands out a typed facade. The build makes it its own bundle, loaded on
 * the first KQL the extension or the fake tenant has to read (it is about 6 MB).
 */
import '@kusto/language-service-next/bridge.min.js';
import '@kusto/language-service-next/Kusto.Language.Bridge.min.js';
import { type KustoLanguage, type SyntaxNode } from './syntax';

interface KustoGlobal {
  readonly Language: {
    readonly KustoCode: {
      Parse(text: string): { readonly Syntax: SyntaxNode; GetDiagnostics(): { readonly Count: number; getItem(i: number): { readonly Message: string; readonly Start: number; readonly Length: number; readonly Severity: string } } };
    };
  };
}

const K = (globalThis as unknown as { Kusto: KustoGlobal }).Kusto;

export const kusto: KustoLanguage = {
  parse(text) {
    const code = K.Language.KustoCode.Parse(text);
    const list = code.GetDiagnostics();
    const diagnostics = [];
    for (let i = 0; i < list.Count; i++) {
      const d = list.getItem(i);
      diagnostics.push({ message: d.Message, start: d.Start, length: d.Length, severity: d.Severity });
    }
    return { root: code.Syntax, diagnostics };
  },
};
