/**
 * The shape of Microsoft's KQL syntax tree as this extension reads it: nodes with children, tokens
 * with text, literals with their value, and the node's class name as its kind. Only these members
 * are used, so the 6 MB parser stays behind one small, typed surface.
 */

/** A node of the syntax tree (a token is a node too). */
export interface SyntaxNode {
  readonly ChildCount: number;
  GetChild(index: number): SyntaxNode | null;
  readonly IsToken: boolean;
  /** A token's text. */
  readonly Text: string;
  /** A literal's value: a string, a number, a boolean, or a .NET value for datetime and timespan. */
  readonly LiteralValue?: unknown;
  readonly constructor: { readonly $$name?: string };
}

export interface KqlDiagnostic {
  readonly message: string;
  /** Offset in the query text. */
  readonly start: number;
  readonly length: number;
  readonly severity: string;
}

export interface ParsedKql {
  readonly root: SyntaxNode;
  readonly diagnostics: readonly KqlDiagnostic[];
}

/** A table the analyzer knows: its name and columns ("(Name:type, …)"). */
export interface TableSchema {
  readonly name: string;
  readonly schema: string;
}

export interface KustoLanguage {
  parse(text: string): ParsedKql;
  /** Syntax and meaning: unknown tables, columns and functions, and type errors, against these tables. */
  analyze(text: string, tables: readonly TableSchema[]): readonly KqlDiagnostic[];
}

/** `BinaryExpression`, `FilterOperator`, `IdentifierToken` …: the parser's class name without its namespace. */
export function kindOf(node: SyntaxNode): string {
  const name = node.constructor.$$name ?? '';
  const plus = name.lastIndexOf('+');
  const dot = name.lastIndexOf('.', name.indexOf('$') >= 0 ? name.indexOf('$') : undefined);
  return plus >= 0 ? name.slice(plus + 1) : name.slice(dot + 1).replace(/\$.*$/, '');
}

export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let i = 0; i < node.ChildCount; i++) {
    const c = node.GetChild(i);
    if (c) out.push(c);
  }
  return out;
}
