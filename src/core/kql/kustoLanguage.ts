/**
 * Microsoft's KQL parser (@kusto/language-service-next), behind the few calls this extension makes.
 * The package is two scripts that define globals (Bridge.NET's runtime, then Kusto.Language); this
 * module runs them once and hands out a typed facade. The build makes it its own bundle, loaded on
 * the first KQL the extension or the fake tenant has to read (it is about 6 MB).
 */
import { type KqlDiagnostic, type KustoLanguage, type SyntaxNode, type TableSchema } from './syntax';

/** The parser's scripts define globals and break when run twice in a process: run them only if no copy has yet. */
if (!(globalThis as { Kusto?: unknown }).Kusto) {
  // require, not import: scripts run for their globals, and only when none are there. In a bundle
  // the build points these at the one shared dist/kusto-runtime.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('@kusto/language-service-next/bridge.min.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
}

interface Diagnostics {
  readonly Count: number;
  getItem(i: number): { readonly Message: string; readonly Start: number; readonly Length: number; readonly Severity: string };
}

interface KustoGlobal {
  readonly Language: {
    readonly KustoCode: {
      Parse(text: string): { readonly Syntax: SyntaxNode; GetDiagnostics(): Diagnostics };
      ParseAndAnalyze(text: string, globals: unknown, cancellation: null): { GetDiagnostics(): Diagnostics };
    };
    readonly GlobalState: { readonly Default: { WithDatabase(db: unknown): unknown } };
    readonly Symbols: {
      readonly TableSymbol: { readonly $ctor7: new (name: string, schema: string, description: null) => unknown };
      readonly DatabaseSymbol: { readonly ctor: new (name: string, tables: unknown[]) => unknown };
    };
  };
}

function list(d: Diagnostics): KqlDiagnostic[] {
  const out: KqlDiagnostic[] = [];
  for (let i = 0; i < d.Count; i++) {
    const x = d.getItem(i);
    out.push({ message: x.Message, start: x.Start, length: x.Length, severity: x.Severity });
  }
  return out;
}

const K = (globalThis as unknown as { Kusto: KustoGlobal }).Kusto;

/** The analyzer's view of a set of tables, built once per set (building it takes a moment). */
const globals = new Map<string, unknown>();

function globalsFor(tables: readonly TableSchema[]): unknown {
  const key = tables.map((t) => `${t.name}${t.schema}`).join('|');
  let g = globals.get(key);
  if (!g) {
    const L = K.Language;
    const db = new L.Symbols.DatabaseSymbol.ctor('workspace', tables.map((t) => new L.Symbols.TableSymbol.$ctor7(t.name, t.schema, null)));
    g = L.GlobalState.Default.WithDatabase(db);
    globals.set(key, g);
  }
  return g;
}

export const kusto: KustoLanguage = {
  parse(text) {
    const code = K.Language.KustoCode.Parse(text);
    return { root: code.Syntax, diagnostics: list(code.GetDiagnostics()) };
  },
  analyze(text, tables) {
    return list(K.Language.KustoCode.ParseAndAnalyze(text, globalsFor(tables), null).GetDiagnostics());
  },
};
