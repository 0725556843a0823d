/** The `$filter` syntax tree. */
export type Literal =
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'datetime'; value: number; text: string; pos: number }
  | { kind: 'guid'; value: string; pos: number }
  | { kind: 'bool'; value: boolean; pos: number }
  | { kind: 'null'; pos: number };

export interface PropertyRef {
  kind: 'prop';
  /** Path segments, e.g. ['status', 'errorCode']; inside a lambda the first segment is the variable. */
  path: string[];
  pos: number;
}

export type Operand = Literal | PropertyRef;

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type Expr =
  | { kind: 'and' | 'or'; left: Expr; right: Expr; pos: number }
  | { kind: 'not'; expr: Expr; pos: number }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand; pos: number }
  | { kind: 'call'; name: 'startswith' | 'endswith' | 'contains'; args: Operand[]; pos: number }
  | { kind: 'lambda'; quantifier: 'any' | 'all'; collection: string[]; variable: string; body: Expr; pos: number };

export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}
