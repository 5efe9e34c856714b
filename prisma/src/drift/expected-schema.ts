// What PostgreSQL should contain for schema.prisma, derived from Prisma's own DMMF (via the
// Wasm build of its schema parser), never from regexes over the .prisma file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ColumnShape, ForeignKeyShape, IndexShape, SchemaShape } from './schema-shape';

type SchemaWasm = typeof import('@prisma/prisma-schema-wasm');
const schemaWasm = createRequire(import.meta.url)('@prisma/prisma-schema-wasm') as SchemaWasm;

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
}

interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  fields: { name: string }[];
}

interface Datamodel {
  models: DmmfModel[];
  enums: {
    name: string;
    dbName: string | null;
    values: { name: string; dbName: string | null }[];
  }[];
  indexes: DmmfIndex[];
  unsupportedFields?: UnsupportedField[];
}

interface UnsupportedField {
  model: string;
  name: string;
  sqlType: string;
  nullable: boolean;
}

export function readDatamodel(schemaPath: string): Datamodel {
  const schema = readFileSync(schemaPath, 'utf8');
  const dmmf = JSON.parse(
    schemaWasm.get_dmmf(JSON.stringify({ prismaSchema: [[schemaPath, schema]] })),
  );
  const datamodel = dmmf.datamodel as Datamodel;
  datamodel.unsupportedFields = unsupportedFields(schema);
  return datamodel;
}

/**
 * The DMMF leaves out `Unsupported("type")` fields (the client cannot read them), so they are
 * taken from the schema text: `name Unsupported("type")?` lines inside a model block.
 */
function unsupportedFields(schema: string): UnsupportedField[] {
  const fields: UnsupportedField[] = [];
  let model: string | null = null;
  for (const line of schema.split('\n')) {
    const start = /^model\s+(\w+)\s*\{/.exec(line);
    if (start) model = start[1] ?? null;
    else if (/^\}/.test(line)) model = null;
    const field = /^\s+(\w+)\s+Unsupported\("([^"]+)"\)(\?)?/.exec(line);
    if (model && field) {
      fields.push({ model, name: field[1]!, sqlType: field[2]!, nullable: field[3] === '?' });
    }
  }
  return fields;
}

export function expectedSchema(datamodel: Datamodel): SchemaShape {
  const enumNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const modelsByName = new Map(datamodel.models.map((m) => [m.name, m]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const unsupported = datamodel.unsupportedFields ?? [];
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    if (field) return field.dbName ?? field.name;
    if (unsupported.some((u) => u.model === model.name && u.name === fieldName)) return fieldName;
    throw new Error(`${model.name}.${fieldName} is not a field`);
  };

  const shape: SchemaShape = { tables: {}, enums: {} };
  for (const e of datamodel.enums) {
    shape.enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);
  }
  for (const model of datamodel.models) {
    const table = tableOf(model);
    const columns: Record<string, ColumnShape> = {};
    const foreignKeys: ForeignKeyShape[] = [];
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields?.length) {
          const target = modelsByName.get(field.type)!;
          const fromColumns = field.relationFromFields.map((f) => columnOf(model, f));
          foreignKeys.push({
            name: constraintName(table, fromColumns, 'fkey'),
            columns: fromColumns,
            referencedTable: tableOf(target),
            referencedColumns: (field.relationToFields ?? []).map((f) => columnOf(target, f)),
            onDelete: field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull'),
            onUpdate: field.relationOnUpdate ?? 'Cascade',
          });
        }
        continue;
      }
      const enumName = field.kind === 'enum' ? enumNames.get(field.type)! : undefined;
      columns[field.dbName ?? field.name] = {
        type: enumName ? `"${enumName}"` : sqlType(field),
        // Prisma creates scalar-list columns without NOT NULL, as its own migrations do.
        nullable: field.isList ? true : !field.isRequired,
        default: sqlDefault(field, enumName, table),
      };
    }
    for (const field of unsupported.filter((u) => u.model === model.name)) {
      columns[field.name] = { type: field.sqlType, nullable: field.nullable, default: null };
    }
    const indexes: IndexShape[] = datamodel.indexes
      .filter((index) => index.model === model.name)
      .map((index) => {
        if (index.type === 'fulltext')
          throw new Error('drift test: fulltext indexes are MySQL-only');
        const cols = index.fields.map((f) => columnOf(model, f.name));
        const kind = index.type === 'id' ? 'primary' : index.type;
        const suffix = kind === 'primary' ? 'pkey' : kind === 'unique' ? 'key' : 'idx';
        const name =
          index.dbName ??
          (kind === 'primary' ? `${table}_pkey` : constraintName(table, cols, suffix));
        return { name, kind, columns: cols };
      });
    shape.tables[table] = { columns, indexes, foreignKeys };
  }
  return shape;
}

// Prisma's default constraint names, shortened to PostgreSQL's 63-byte identifier limit.
function constraintName(table: string, columns: string[], suffix: string): string {
  const base = `${table}_${columns.join('_')}`;
  return `${base.slice(0, 63 - suffix.length - 1)}_${suffix}`;
}

/** Prisma scalar (+ @db native type) → PostgreSQL's format_type() spelling. */
function sqlType(field: DmmfField): string {
  const [native, args = []] = field.nativeType ?? [];
  const base = nativeOrDefaultType(field.type, native, args, field.name);
  return field.isList ? `${base}[]` : base;
}

function nativeOrDefaultType(
  scalar: string,
  native: string | undefined,
  args: string[],
  fieldName: string,
): string {
  const withArgs = (name: string) => (args.length ? `${name}(${args.join(',')})` : name);
  if (native) {
    switch (native) {
      case 'Uuid':
        return 'uuid';
      case 'Text':
        return 'text';
      case 'VarChar':
        return withArgs('character varying');
      case 'Char':
        return withArgs('character');
      case 'Citext':
        return 'citext';
      case 'Decimal':
        return withArgs('numeric');
      case 'Date':
        return 'date';
      case 'Timestamptz':
        return `timestamp(${args[0] ?? 6}) with time zone`;
      case 'Timestamp':
        return `timestamp(${args[0] ?? 6}) without time zone`;
      case 'Integer':
        return 'integer';
      case 'SmallInt':
        return 'smallint';
      case 'BigInt':
        return 'bigint';
      case 'DoublePrecision':
        return 'double precision';
      case 'Real':
        return 'real';
      case 'Boolean':
        return 'boolean';
      case 'JsonB':
        return 'jsonb';
      case 'Json':
        return 'json';
      case 'Inet':
        return 'inet';
      case 'ByteA':
        return 'bytea';
    }
    throw new Error(`drift test: map native type @db.${native} of ${fieldName} to PostgreSQL`);
  }
  const defaults: Record<string, string> = {
    String: 'text',
    Int: 'integer',
    BigInt: 'bigint',
    Float: 'double precision',
    Decimal: 'numeric(65,30)',
    Boolean: 'boolean',
    DateTime: 'timestamp(3) without time zone',
    Json: 'jsonb',
    Bytes: 'bytea',
  };
  const type = defaults[scalar];
  if (!type) throw new Error(`drift test: map Prisma type ${scalar} of ${fieldName} to PostgreSQL`);
  return type;
}

/** The column default as pg_get_expr() prints it, or null when the column has none. */
function sqlDefault(field: DmmfField, enumName: string | undefined, table: string): string | null {
  if (!field.hasDefaultValue || field.default === undefined) return null;
  const value = field.default;
  if (field.isList && Array.isArray(value) && value.length === 0) {
    return `ARRAY[]::${sqlType(field)}`;
  }
  if (typeof value === 'object' && value !== null && 'name' in value) {
    const fn = value as { name: string; args: unknown[] };
    if (fn.name === 'now') return 'CURRENT_TIMESTAMP';
    if (fn.name === 'dbgenerated') return String(fn.args[0]);
    if (fn.name === 'autoincrement') {
      return `nextval('"${table}_${field.dbName ?? field.name}_seq"'::regclass)`;
    }
    // uuid(), cuid(), ulid() ...: filled in by the client, so the column has no default.
    return null;
  }
  if (enumName) return `'${String(value)}'::"${enumName}"`;
  if (typeof value === 'string') {
    const cast = field.type === 'Json' ? 'jsonb' : 'text';
    return `'${value.replaceAll("'", "''")}'::${cast}`;
  }
  return String(value);
}
