import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { AppError } from '@lms/core';
import { GraphQLError } from 'graphql';
import { domainErrorResponses } from './errors';

/**
 * The GraphQL edge's two rules for what clients send in variables:
 * 1. No NUL character in any string (PostgreSQL cannot store it in text, and no one types it):
 *    refused before anything runs, with a field error naming where it is, instead of a masked
 *    500 from the database later.
 * 2. Error messages never echo the submitted values (graphql-js quotes the whole invalid
 *    variable, password included): the quoted value is cut out, and any submitted value that
 *    still appears in a message is replaced by "…". Our own AppError messages are exempt: they
 *    are written to name what is wrong, e.g. the code a learner typed.
 */

const NUL = '\u0000';
export const NUL_MESSAGE =
  'Contains an invisible control character (NUL). Remove it (retype the text) and try again.';

/** Field paths (the form's names: `name`, `options.2.text`, or the variable's own) with a NUL. */
export function findNulCharacters(variables: Record<string, unknown> | undefined): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      if (value.includes(NUL)) found.push(path.join('.'));
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, [...path, index]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  for (const [name, value] of Object.entries(variables ?? {})) {
    // An input object's fields are the form's fields; a scalar variable is a field itself.
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    walk(value, isObject ? [] : [name]);
  }
  return found;
}

/** graphql-js: `Variable "$x" got invalid value <the value> at "x.f"; reason`. */
const INVALID_VARIABLE =
  /^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "([^"]*)")?; ([\s\S]*)$/;

export function withoutInputValues(message: string, variables?: Record<string, unknown>): string {
  let result = message.replace(INVALID_VARIABLE, (_all, name: string, at?: string, reason = '') =>
    at
      ? `Variable "$${name}" has an invalid value at "${at}": ${reason}`
      : `Variable "$${name}" has an invalid value: ${reason}`,
  );
  // Scalar parsers append the value ("String cannot represent a non string value: 123").
  result = result.replace(/(cannot represent [^:]*value): [\s\S]*?(\.?)$/, '$1$2');
  const values = new Set<string>();
  const collect = (value: unknown) => {
    if (typeof value === 'string' && value.length >= 3) values.add(value);
    else if (typeof value === 'number' && String(value).length >= 3) values.add(String(value));
    else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) collect(item);
    }
  };
  collect(variables);
  for (const value of [...values].sort((a, b) => b.length - a.length)) {
    result = result.split(value).join('…');
  }
  return result;
}

export function inputGuardPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  // One listener object for every request (no per-request closures).
  const listeners: GraphQLRequestListener<TContext> = {
    async didResolveOperation({ request }) {
      const paths = findNulCharacters(request.variables);
      if (paths.length === 0) return;
      const appError = AppError.badInput(Object.fromEntries(paths.map((p) => [p, [NUL_MESSAGE]])));
      throw new GraphQLError(appError.message, {
        originalError: appError,
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      });
    },
    async willSendResponse({ request, response }) {
      if (response.body.kind !== 'single') return;
      for (const error of response.body.singleResult.errors ?? []) {
        if (domainErrorResponses.has(error)) continue;
        (error as { message: string }).message = withoutInputValues(
          error.message,
          request.variables,
        );
      }
    },
  };
  return {
    async requestDidStart() {
      return listeners;
    },
  };
}
