import { listAuditLog, listUsers, setUserRole } from '@lms/core';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { Context } from '../../context';
import { Connection, toConnection } from '../common/connection';
import { Role } from '../common/enums';

@ObjectType({ description: 'A user account as admins see it.' })
export class UserAccount {
  @Field(() => ID, { description: 'User id.' })
  id!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => String, { description: 'Sign-in email.' })
  email!: string;

  @Field(() => Role, { description: 'Role.' })
  role!: Role;

  @Field(() => DateTimeResolver, { description: 'When the account was created.' })
  createdAt!: Date;
}

@ObjectType({ description: 'One privileged act: who did what to which record, and when.' })
export class AuditLogEntry {
  @Field(() => ID, { description: 'Entry id.' })
  id!: string;

  @Field(() => String, { description: 'What happened, e.g. "user.role.change".' })
  action!: string;

  @Field(() => String, { description: 'Kind of record acted on, e.g. "User".' })
  targetType!: string;

  @Field(() => String, { description: 'Id of the record acted on.' })
  targetId!: string;

  @Field(() => JSONResolver, { description: 'Details, e.g. { from, to }.' })
  details!: unknown;

  @Field(() => String, { nullable: true, description: 'Who did it (null if the account is gone).' })
  actorName!: string | null;

  @Field(() => DateTimeResolver, { description: 'When.' })
  createdAt!: Date;
}

const UserAccountConnection = Connection(UserAccount, 'UserAccount', 'user account');
const AuditLogConnection = Connection(AuditLogEntry, 'AuditLog', 'audit log entry');

@Resolver()
export class AdminResolver {
  @Authorized('ADMIN')
  @Query(() => UserAccountConnection, { description: 'All users, newest first (admins only).' })
  async users(
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 1–100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after:
      | string
      | null,
    @Arg('search', () => String, { nullable: true, description: 'Part of a name or email.' })
    search: string | null,
    @Arg('role', () => Role, { nullable: true, description: 'Only users with this role.' })
    role: Role | null,
    @Ctx() ctx: Context,
  ) {
    return toConnection(
      await listUsers({ db: ctx.db, viewer: ctx.viewer, first, after, search, role }),
      (u) => u,
    );
  }

  @Authorized('ADMIN')
  @Mutation(() => UserAccount, {
    description: 'Changes a user’s role; recorded in the audit log (admins only).',
  })
  setUserRole(
    @Arg('userId', () => ID, { description: 'The user.' }) userId: string,
    @Arg('role', () => Role, { description: 'The new role.' }) role: Role,
    @Ctx() ctx: Context,
  ) {
    return setUserRole({ db: ctx.db, viewer: ctx.viewer, userId, role });
  }

  @Authorized('ADMIN')
  @Query(() => AuditLogConnection, { description: 'The audit log, newest first (admins only).' })
  async auditLog(
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 1–100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after:
      | string
      | null,
    @Arg('targetId', () => String, {
      nullable: true,
      description: 'Only entries about this record.',
    })
    targetId: string | null,
    @Ctx() ctx: Context,
  ) {
    return toConnection(
      await listAuditLog({ db: ctx.db, viewer: ctx.viewer, first, after, targetId }),
      (e) => e,
    );
  }
}
