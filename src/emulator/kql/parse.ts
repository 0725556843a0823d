/**
 * The fake workspace reads KQL with Microsoft's own parser (@kusto/language-service-next), not a
 * parser of ours: what it accepts and the positions of its syntax errors are the service's. It has
 * its own small view of the tree (the fake tenant shares no code with the extension's client).
 */

/** The parser's scripts define globals and break when run twice in a process: run them only if no copy has yet. */
if (!(globalThis as { Kusto?: unknown }).Kusto) {
  // require, not import: scripts run for their globals, and only when none are there. In the demo
  // tenant's bundle the build points these at the one shared dist/kusto-runtime.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('@kusto/language-service-next/bridge.min.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
}

export interface Node {
  readonly ChildCount: number;
  GetChild(index: number): Node | null;
  readonly IsToken: boolean;
  readonly Text: string;
  readonly LiteralValue?: unknown;
  readonly constructor: { readonly $$name?: string };
}

interface Parsed {
  readonly Syntax: Node;
  GetDiagnostics(): { readonly Count: number; getItem(i: number): { readonly Message: string; readonly Start: number; readonly Severity: string } };
}

const K = (globalThis as unknown as { Kusto: { Language: { KustoCode: { Parse(text: string): Parsed } } } }).Kusto;

/** A query the service refuses (syntax or meaning), as its error envelope names it. */
export class KqlError extends Error {
  constructor(
    readonly inner: 'SyntaxError' | 'SemanticError',
    message: string,
  ) {
    super(message);
  }
}

export function parseQuery(text: string): Node {
  const parsed = K.Language.KustoCode.Parse(text);
  const d = parsed.GetDiagnostics();
  for (let i = 0; i < d.Count; i++) {
    const x = d.getItem(i);
    if (x.Severity === 'Error') throw new KqlError('SyntaxError', `Query could not be parsed at '${text.slice(x.Start, x.Start + 20)}' on line [1:${x.Start}]: ${x.Message}`);
  }
  return parsed.Syntax;
}

/**
 * The evaluator asks the same nodes for their kind and children once per row: both are worked out
 * once per node and kept (a query's tree is small; its rows are many).
 */
const kinds = new WeakMap<Node, string>();
const partsOf = new WeakMap<Node, Node[]>();
const operandsOf = new WeakMap<Node, Node[]>();

/** The node's class without its namespace: `BinaryExpression`, `IdentifierToken` … */
export function kind(n: Node): string {
  let k = kinds.get(n);
  if (k === undefined) {
    k = kindOf(n);
    kinds.set(n, k);
  }
  return k;
}

function kindOf(n: Node): string {
  const s = n.constructor.$$name ?? '';
  const plus = s.lastIndexOf('+');
  if (plus >= 0) return s.slice(plus + 1);
  const dollar = s.indexOf('$');
  const base = dollar >= 0 ? s.slice(0, dollar) : s;
  return base.slice(base.lastIndexOf('.') + 1);
}

/** Children, with the parser's lists (SyntaxList, SeparatedElement) and empty tokens flattened away. */
export function parts(n: Node): Node[] {
  let cached = partsOf.get(n);
  if (!cached) {
    cached = partsUncached(n);
    partsOf.set(n, cached);
  }
  return cached;
}

function partsUncached(n: Node): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < n.ChildCount; i++) {
    const c = n.GetChild(i);
    if (!c) continue;
    const k = kind(c);
    if (k === 'SyntaxList' || k === 'SeparatedElement') out.push(...parts(c));
    else if (!(c.IsToken && c.Text === '')) out.push(c);
  }
  return out;
}

/** The parts that are not punctuation or keywords (tokens of kind KindToken). */
export function operands(n: Node): Node[] {
  let cached = operandsOf.get(n);
  if (!cached) {
    cached = parts(n).filter((c) => kind(c) !== 'KindToken');
    operandsOf.set(n, cached);
  }
  return cached;
}

/** The text of the first token under a node (an identifier, a keyword used as a name such as count). */
export function tokenText(n: Node): string {
  if (n.IsToken) return n.Text;
  for (const c of parts(n)) {
    const t = tokenText(c);
    if (t !== '') return t;
  }
  return '';
}
