import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth-checker';
import { AuthResolver } from './modules/auth/auth.resolver';
import { CourseResolver } from './modules/catalog/course.resolver';

export const resolvers = [AuthResolver, CourseResolver] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema; built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    validate: false,
  });
  return built;
}

/** The SDL committed as api/schema.graphql, in a stable order. */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
