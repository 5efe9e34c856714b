import { isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { getSchema } from '../../schema';

// The object types of the hot reads (catalog, lesson view, certificate verification) are declared with type-graphql's simple resolvers:
// their plain fields use graphql-js's default resolver (a property read) instead of a wrapper
// per field that runs the middleware chain and the authorization check (ARCHITECTURE.md, "A
// lighter catalog request"). Safe because no global middleware is registered and none of these
// fields carries @Authorized or @UseMiddleware: such a field would need `simple: false`.
const HOT_TYPES = [
  'CourseConnection',
  'CourseEdge',
  'Course',
  'PageInfo',
  'Money',
  'Instructor',
  'InstructorCredential',
  'CreditOffering',
  'CourseModule',
  'LessonOutline',
  'LearnerLesson',
  'LessonVideo',
  // The public certificate verification's answer.
  'CertificateVerification',
  'CertificateRecord',
  'CertificateCredit',
];

/** `Type.field` of every @FieldResolver (those keep their resolver, as they must). */
function fieldResolvers(): Set<string> {
  const keys = new Set<string>();
  for (const resolver of getMetadataStorage().fieldResolvers) {
    const target = resolver.getObjectType?.();
    const objectType = getMetadataStorage().objectTypes.find((type) => type.target === target);
    if (objectType) keys.add(`${objectType.name}.${resolver.schemaName}`);
  }
  return keys;
}

describe('hot object types use simple resolvers', () => {
  it('has no per-field resolver on the plain fields of the catalog, lesson and page types', async () => {
    const schema = await getSchema();
    const RESOLVED = fieldResolvers();
    const wrapped: string[] = [];
    const resolved: string[] = [];
    for (const name of HOT_TYPES) {
      const type = schema.getType(name);
      if (!isObjectType(type)) throw new Error(`${name} is not an object type of the schema`);
      for (const field of Object.values(type.getFields())) {
        const key = `${name}.${field.name}`;
        if (RESOLVED.has(key)) resolved.push(key);
        else if (field.resolve) wrapped.push(key);
      }
    }
    expect(wrapped).toEqual([]);
    // The field resolvers of these types exist and keep their resolve functions.
    for (const key of resolved) {
      const [typeName, fieldName] = key.split('.') as [string, string];
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      expect(type.getFields()[fieldName]?.resolve, key).toBeTypeOf('function');
    }
    expect(resolved).toContain('Course.price');
    expect(resolved).toContain('Course.modules');
  });
});
