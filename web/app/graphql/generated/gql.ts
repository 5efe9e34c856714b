/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    token\n    expiresAt\n    viewer {\n      id\n      name\n      role\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    expiresAt\n    viewer {\n      id\n      name\n      role\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}": typeof types.RegisterDocument,
    "fragment CourseCard on Course {\n  id\n  slug\n  title\n  summary\n  kind\n  level\n  isFree\n  price {\n    amountCents\n    currency\n  }\n  instructionalMinutes\n  instructor {\n    id\n    name\n  }\n  credits {\n    body\n    bodyName\n    ceuAmount\n  }\n}\n\nquery Courses($first: Int, $after: String) {\n  courses(first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...CourseCard\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}\n\nquery CourseDetail($slug: String!) {\n  course(slug: $slug) {\n    id\n    slug\n    title\n    summary\n    description\n    kind\n    level\n    isFree\n    price {\n      amountCents\n      currency\n    }\n    coverImageUrl\n    instructionalMinutes\n    versionNumber\n    publishedAt\n    instructor {\n      id\n      name\n      bio\n    }\n    credits {\n      body\n      bodyName\n      ceuAmount\n      category\n      validFrom\n      validUntil\n    }\n    modules {\n      id\n      title\n      position\n      lessons {\n        id\n        title\n        kind\n        estimatedMinutes\n        required\n      }\n    }\n  }\n}": typeof types.CourseCardFragmentDoc,
    "query Viewer {\n  viewer {\n    id\n    name\n    email\n    role\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    token\n    expiresAt\n    viewer {\n      id\n      name\n      role\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    expiresAt\n    viewer {\n      id\n      name\n      role\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}": types.RegisterDocument,
    "fragment CourseCard on Course {\n  id\n  slug\n  title\n  summary\n  kind\n  level\n  isFree\n  price {\n    amountCents\n    currency\n  }\n  instructionalMinutes\n  instructor {\n    id\n    name\n  }\n  credits {\n    body\n    bodyName\n    ceuAmount\n  }\n}\n\nquery Courses($first: Int, $after: String) {\n  courses(first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...CourseCard\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}\n\nquery CourseDetail($slug: String!) {\n  course(slug: $slug) {\n    id\n    slug\n    title\n    summary\n    description\n    kind\n    level\n    isFree\n    price {\n      amountCents\n      currency\n    }\n    coverImageUrl\n    instructionalMinutes\n    versionNumber\n    publishedAt\n    instructor {\n      id\n      name\n      bio\n    }\n    credits {\n      body\n      bodyName\n      ceuAmount\n      category\n      validFrom\n      validUntil\n    }\n    modules {\n      id\n      title\n      position\n      lessons {\n        id\n        title\n        kind\n        estimatedMinutes\n        required\n      }\n    }\n  }\n}": types.CourseCardFragmentDoc,
    "query Viewer {\n  viewer {\n    id\n    name\n    email\n    role\n  }\n}": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    token\n    expiresAt\n    viewer {\n      id\n      name\n      role\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    expiresAt\n    viewer {\n      id\n      name\n      role\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}"): (typeof documents)["mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    token\n    expiresAt\n    viewer {\n      id\n      name\n      role\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    expiresAt\n    viewer {\n      id\n      name\n      role\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CourseCard on Course {\n  id\n  slug\n  title\n  summary\n  kind\n  level\n  isFree\n  price {\n    amountCents\n    currency\n  }\n  instructionalMinutes\n  instructor {\n    id\n    name\n  }\n  credits {\n    body\n    bodyName\n    ceuAmount\n  }\n}\n\nquery Courses($first: Int, $after: String) {\n  courses(first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...CourseCard\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}\n\nquery CourseDetail($slug: String!) {\n  course(slug: $slug) {\n    id\n    slug\n    title\n    summary\n    description\n    kind\n    level\n    isFree\n    price {\n      amountCents\n      currency\n    }\n    coverImageUrl\n    instructionalMinutes\n    versionNumber\n    publishedAt\n    instructor {\n      id\n      name\n      bio\n    }\n    credits {\n      body\n      bodyName\n      ceuAmount\n      category\n      validFrom\n      validUntil\n    }\n    modules {\n      id\n      title\n      position\n      lessons {\n        id\n        title\n        kind\n        estimatedMinutes\n        required\n      }\n    }\n  }\n}"): (typeof documents)["fragment CourseCard on Course {\n  id\n  slug\n  title\n  summary\n  kind\n  level\n  isFree\n  price {\n    amountCents\n    currency\n  }\n  instructionalMinutes\n  instructor {\n    id\n    name\n  }\n  credits {\n    body\n    bodyName\n    ceuAmount\n  }\n}\n\nquery Courses($first: Int, $after: String) {\n  courses(first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...CourseCard\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}\n\nquery CourseDetail($slug: String!) {\n  course(slug: $slug) {\n    id\n    slug\n    title\n    summary\n    description\n    kind\n    level\n    isFree\n    price {\n      amountCents\n      currency\n    }\n    coverImageUrl\n    instructionalMinutes\n    versionNumber\n    publishedAt\n    instructor {\n      id\n      name\n      bio\n    }\n    credits {\n      body\n      bodyName\n      ceuAmount\n      category\n      validFrom\n      validUntil\n    }\n    modules {\n      id\n      title\n      position\n      lessons {\n        id\n        title\n        kind\n        estimatedMinutes\n        required\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    id\n    name\n    email\n    role\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    id\n    name\n    email\n    role\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;