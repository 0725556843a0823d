/** The short builders the catalog's tables are written with: operators, value kinds, fields and columns. */
import { type ColumnSpec, type FieldSpec, type Operator } from './types';

export const EQ: readonly Operator[] = ['eq'];
export const EQ_SW: readonly Operator[] = ['eq', 'startswith'];
export const str = { type: 'string' } as const;
export const guid = { type: 'guid' } as const;
export const en = (values: readonly string[]) => ({ type: 'enum', values }) as const;
export const f = (path: string, label: string, kind: FieldSpec['kind'], operators: readonly Operator[]): FieldSpec => ({ path, label, kind, operators });
export const col = (id: string, label: string, path: string, width: number, kind?: ColumnSpec['kind']): ColumnSpec => ({ id, label, path, width, kind });
/** A record's string value for a title, '' otherwise. */
export const str_ = (v: unknown): string => (typeof v === 'string' ? v : '');
