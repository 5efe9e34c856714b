// A database schema reduced to what the drift test compares. Both sides (schema.prisma and the
// migrated database) are turned into this shape, then compared with a deep equality.

export interface ColumnShape {
  /** format_type() spelling, e.g. "timestamp(3) with time zone"; enums as "\"Role\"". */
  type: string;
  nullable: boolean;
  /** pg_get_expr() spelling of the default, or null. */
  default: string | null;
}

export interface IndexShape {
  name: string;
  kind: 'primary' | 'unique' | 'normal';
  columns: string[];
}

export interface ForeignKeyShape {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
}

export interface SchemaShape {
  tables: Record<string, TableShape>;
  /** Enum name → values in declaration order. */
  enums: Record<string, string[]>;
}
