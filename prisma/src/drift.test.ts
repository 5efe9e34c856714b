import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readActualSchema } from './drift/actual-schema';
import { expectedSchema, readDatamodel } from './drift/expected-schema';
import type { SchemaShape, TableShape } from './drift/schema-shape';
import { migrate } from './migrate';
import { useTestDatabase } from './testing';

const schemaPath = fileURLToPath(new URL('../schema.prisma', import.meta.url));

// Order-insensitive view of a table: indexes and foreign keys sorted by name.
function normalise(table: TableShape | undefined) {
  if (!table) return table;
  const byName = <T extends { name: string }>(list: T[]) =>
    [...list].sort((a, b) => a.name.localeCompare(b.name));
  return { ...table, indexes: byName(table.indexes), foreignKeys: byName(table.foreignKeys) };
}

const expected = expectedSchema(readDatamodel(schemaPath));

describe('migrations match schema.prisma', () => {
  // A database migrated here from scratch, not the template: this test is about the SQL files.
  const database = useTestDatabase({ migrated: false });
  let actual: SchemaShape;

  beforeAll(async () => {
    await migrate({ databaseUrl: database.url });
    actual = await readActualSchema(database.url);
  });

  it('has exactly the tables of the models', () => {
    expect(Object.keys(actual.tables).sort()).toEqual(Object.keys(expected.tables).sort());
  });

  it('has exactly the enums and values of the schema', () => {
    expect(actual.enums).toEqual(expected.enums);
  });

  describe.each(Object.keys(expected.tables))('table %s', (table) => {
    it('has the columns with the right types, nullability and defaults', () => {
      expect(actual.tables[table]?.columns).toEqual(expected.tables[table]?.columns);
    });

    it('has the primary key, unique constraints and indexes, with Prisma names', () => {
      expect(normalise(actual.tables[table])?.indexes).toEqual(
        normalise(expected.tables[table])?.indexes,
      );
    });

    it('has the foreign keys with their referential actions', () => {
      expect(normalise(actual.tables[table])?.foreignKeys).toEqual(
        normalise(expected.tables[table])?.foreignKeys,
      );
    });
  });
});
