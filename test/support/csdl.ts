/**
 * Reads the official CSDL extract and validates JSON records against it: no unknown properties,
 * enum values from the schema, and the right primitive types.
 */
import * as fs from 'fs';
import * as path from 'path';

interface Property {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
}

interface StructuredType {
  readonly kind: 'entity' | 'complex';
  readonly name: string;
  readonly baseType?: string;
  readonly open: boolean;
  readonly properties: Property[];
  readonly navigation: Set<string>;
}

export class Csdl {
  readonly types = new Map<string, StructuredType>();
  readonly enums = new Map<string, Set<string>>();

  static load(): Csdl {
    const shared = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'reference', 'graph-identity-logs-v1.0.csdl.xml');
    const fixture = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'graph-identity-logs-v1.0.csdl.xml');
    return new Csdl(fs.readFileSync(fs.existsSync(shared) ? shared : fixture, 'utf8'));
  }

  constructor(xml: string) {
    const typeRe = /<(EntityType|ComplexType)\s+([^>]*?)(\/?)>([\s\S]*?)(?:<\/\1>|(?=<(?:EntityType|ComplexType|EnumType)\s)|(?=<\/Schema>))/g;
    for (const m of xml.matchAll(typeRe)) {
      const attrs = m[2];
      const name = /Name="([^"]+)"/.exec(attrs)![1];
      const base = /BaseType="graph\.([^"]+)"/.exec(attrs)?.[1];
      const body = m[3] === '/' ? '' : m[4];
      const properties = [...body.matchAll(/<Property\s+Name="([^"]+)"\s+Type="([^"]+)"(\s+Nullable="false")?/g)].map((p) => ({ name: p[1], type: p[2], nullable: !p[3] }));
      const navigation = new Set([...body.matchAll(/<NavigationProperty\s+Name="([^"]+)"/g)].map((p) => p[1]));
      this.types.set(name, { kind: m[1] === 'EntityType' ? 'entity' : 'complex', name, baseType: base, open: /OpenType="true"/.test(attrs), properties, navigation });
    }
    for (const m of xml.matchAll(/<EnumType\s+Name="([^"]+)"[^>]*>([\s\S]*?)<\/EnumType>/g)) {
      this.enums.set(m[1], new Set([...m[2].matchAll(/<Member\s+Name="([^"]+)"/g)].map((x) => x[1])));
    }
  }

  private allProperties(typeName: string): { props: Map<string, Property>; open: boolean; navigation: Set<string> } {
    const props = new Map<string, Property>();
    const navigation = new Set<string>();
    let open = false;
    for (let t = this.types.get(typeName); t; t = t.baseType ? this.types.get(t.baseType) : undefined) {
      for (const p of t.properties) if (!props.has(p.name)) props.set(p.name, p);
      for (const n of t.navigation) navigation.add(n);
      open = open || t.open;
    }
    return { props, open, navigation };
  }

  /** Problems with a record of the given type; an empty list means it is valid. */
  validate(typeName: string, value: unknown, where = typeName): string[] {
    if (!this.types.has(typeName)) return [`${where}: unknown type ${typeName}`];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${where}: expected an object`];
    const { props, open, navigation } = this.allProperties(typeName);
    const problems: string[] = [];
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (key.startsWith('@odata.')) continue;
      const p = props.get(key);
      if (!p) {
        if (!open && !navigation.has(key)) problems.push(`${where}.${key}: not a property of ${typeName}`);
        continue;
      }
      problems.push(...this.checkValue(p.type, p.nullable, v, `${where}.${key}`));
    }
    for (const p of props.values()) {
      if (!p.nullable && !(p.name in (value as object))) problems.push(`${where}.${p.name}: required (Nullable=false) but missing`);
    }
    return problems;
  }

  private checkValue(type: string, nullable: boolean, v: unknown, where: string): string[] {
    if (v === null) return nullable ? [] : [`${where}: null but Nullable=false`];
    const coll = /^Collection\((.+)\)$/.exec(type);
    if (coll) {
      if (!Array.isArray(v)) return [`${where}: expected an array`];
      return v.flatMap((item, i) => this.checkValue(coll[1], false, item, `${where}[${i}]`));
    }
    switch (type) {
      case 'Edm.String':
        return typeof v === 'string' ? [] : [`${where}: expected a string`];
      case 'Edm.Boolean':
        return typeof v === 'boolean' ? [] : [`${where}: expected a boolean`];
      case 'Edm.Int32':
        return Number.isInteger(v) && Math.abs(v as number) < 2 ** 31 ? [] : [`${where}: expected an Int32`];
      case 'Edm.Double':
        return typeof v === 'number' ? [] : [`${where}: expected a number`];
      case 'Edm.DateTimeOffset':
        return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) ? [] : [`${where}: expected a DateTimeOffset, got ${JSON.stringify(v)}`];
    }
    const name = type.replace(/^graph\./, '');
    const members = this.enums.get(name);
    if (members) return typeof v === 'string' && members.has(v) ? [] : [`${where}: ${JSON.stringify(v)} is not a member of ${name}`];
    if (this.types.has(name)) return this.validate(name, v, where);
    return [`${where}: unknown type ${type}`];
  }
}
