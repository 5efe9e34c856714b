// What a migrated PostgreSQL database actually contains, read from pg_catalog.
import pg from 'pg';
import type { ColumnShape, ForeignKeyShape, IndexShape, SchemaShape } from './schema-shape';

const REFERENTIAL_ACTIONS: Record<string, string> = {
  a: 'NoAction',
  r: 'Restrict',
  c: 'Cascade',
  n: 'SetNull',
  d: 'SetDefault',
};

export async function readActualSchema(
  databaseUrl: string,
  schema = 'public',
): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const shape: SchemaShape = { tables: {}, enums: {} };

    const tables = await client.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`,
      [schema],
    );
    for (const { table } of tables.rows) {
      shape.tables[table] = { columns: {}, indexes: [], foreignKeys: [] };
    }

    const columns = await client.query<{
      table: string;
      column: string;
      type: string;
      typtype: string;
      typname: string;
      not_null: boolean;
      default: string | null;
    }>(
      `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
              t.typtype, t.typname, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS default
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
         AND a.attnum > 0 AND NOT a.attisdropped`,
      [schema],
    );
    for (const row of columns.rows) {
      const column: ColumnShape = {
        type: row.typtype === 'e' ? `"${row.typname}"` : row.type,
        nullable: !row.not_null,
        default: row.default,
      };
      shape.tables[row.table]!.columns[row.column] = column;
    }

    const enums = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = $1 GROUP BY t.typname`,
      [schema],
    );
    for (const row of enums.rows) shape.enums[row.name] = row.values;

    const indexes = await client.query<{
      table: string;
      name: string;
      primary: boolean;
      unique: boolean;
      columns: string[];
    }>(
      `SELECT c.relname AS table, i.relname AS name, x.indisprimary AS primary,
              x.indisunique AS unique,
              array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                    ORDER BY k.ord)::text[] AS columns
       FROM pg_index x
       JOIN pg_class c ON c.oid = x.indrelid
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relname <> '_prisma_migrations'`,
      [schema],
    );
    for (const row of indexes.rows) {
      const kind: IndexShape['kind'] = row.primary ? 'primary' : row.unique ? 'unique' : 'normal';
      shape.tables[row.table]?.indexes.push({ name: row.name, kind, columns: row.columns });
    }

    const foreignKeys = await client.query<{
      table: string;
      name: string;
      columns: string[];
      referenced_table: string;
      referenced_columns: string[];
      on_delete: string;
      on_update: string;
    }>(
      `SELECT c.relname AS table, k.conname AS name, r.relname AS referenced_table,
              array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
                    ORDER BY u.ord)::text[] AS columns,
              array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum
                    ORDER BY u.ord)::text[] AS referenced_columns,
              k.confdeltype AS on_delete, k.confupdtype AS on_update
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class r ON r.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND k.contype = 'f'`,
      [schema],
    );
    for (const row of foreignKeys.rows) {
      const fk: ForeignKeyShape = {
        name: row.name,
        columns: row.columns,
        referencedTable: row.referenced_table,
        referencedColumns: row.referenced_columns,
        onDelete: REFERENTIAL_ACTIONS[row.on_delete] ?? row.on_delete,
        onUpdate: REFERENTIAL_ACTIONS[row.on_update] ?? row.on_update,
      };
      shape.tables[row.table]?.foreignKeys.push(fk);
    }
    return shape;
  } finally {
    await client.end();
  }
}
