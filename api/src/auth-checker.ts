import { AppError } from '@lms/core';
import type { AuthChecker } from 'type-graphql';
import type { Context } from './context';

/**
 * Role checks at the schema edge (`@Authorized('ADMIN')`). Ownership rules live in core.
 * Anonymous callers get UNAUTHENTICATED; signed-in callers without the role, FORBIDDEN.
 */
export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (!context.viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to do this.');
  if (roles.length === 0 || roles.includes(context.viewer.role)) return true;
  throw new AppError('FORBIDDEN', 'Your role does not allow this.');
};
