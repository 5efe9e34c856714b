import {
  AUDIT_ACTION_LABELS,
  listAuditLog,
  listFailedJobs,
  listUsers,
  setUserRole,
} from '@lms/core';
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

  @Field(() => String, { description: 'What happened, as a key, e.g. "user.role.change".' })
  action!: string;

  @Field(() => String, { description: 'What happened, in words, e.g. "Changed a role".' })
  actionLabel!: string;

  @Field(() => String, { description: 'Kind of record acted on, e.g. "User".' })
  targetType!: string;

  @Field(() => String, { description: 'Id of the record acted on.' })
  targetId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The record by name: a person, a course title, an order number, a serial (null when it is gone).',
  })
  targetName!: string | null;

  @Field(() => JSONResolver, { description: 'Details as recorded, e.g. { from, to }.' })
  details!: unknown;

  @Field(() => String, { description: 'The details in one sentence, people by name.' })
  summary!: string;

  @Field(() => ID, { nullable: true, description: 'Who did it (null if the account is gone).' })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: 'Who did it (null if the account is gone).' })
  actorName!: string | null;

  @Field(() => DateTimeResolver, { description: 'When the action was recorded.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A background job whose last run failed, with its error.' })
export class FailedJob {
  @Field(() => ID, { description: 'Job id in the queue.' })
  id!: string;

  @Field(() => String, { description: 'Task name, e.g. "grade-expired-attempt".' })
  task!: string;

  @Field(() => String, {
    description: 'FAILED: out of attempts, needs a person; RETRYING: will run again at runAt.',
  })
  state!: string;

  @Field(() => Int, { description: 'Runs so far.' })
  attempts!: number;

  @Field(() => Int, { description: 'Runs allowed before it counts as failed.' })
  maxAttempts!: number;

  @Field(() => String, { description: 'The error of the last run.' })
  lastError!: string;

  @Field(() => DateTimeResolver, { description: 'When it runs next (retries back off).' })
  runAt!: Date;

  @Field(() => DateTimeResolver, { description: 'When it last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'A kind of audited act, for filtering the audit log.' })
export class AuditAction {
  @Field(() => String, { description: 'Its key, e.g. "certificate.revoke".' })
  action!: string;

  @Field(() => String, { description: 'In words, e.g. "Revoked a certificate".' })
  label!: string;
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
  @Query(() => AuditLogConnection, {
    description:
      'The audit log, newest first, in words (admins only). Filters: actor, action, days, record.',
  })
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
    @Arg('actor', () => String, {
      nullable: true,
      description: 'Only acts by people whose name or email contains this.',
    })
    actor: string | null,
    @Arg('action', () => String, {
      nullable: true,
      description: 'Only this action (a key from auditActions).',
    })
    action: string | null,
    @Arg('from', () => String, {
      nullable: true,
      description: 'First day (YYYY-MM-DD, in timeZone), inclusive.',
    })
    from: string | null,
    @Arg('to', () => String, {
      nullable: true,
      description: 'Last day (YYYY-MM-DD, in timeZone), inclusive.',
    })
    to: string | null,
    @Arg('timeZone', () => String, {
      nullable: true,
      description: 'IANA zone the days are in (the reader’s); default UTC.',
    })
    timeZone: string | null,
    @Ctx() ctx: Context,
  ) {
    return toConnection(
      await listAuditLog({
        db: ctx.db,
        viewer: ctx.viewer,
        first,
        after,
        targetId,
        actor,
        action,
        from,
        to,
        timeZone: timeZone ?? undefined,
      }),
      (e) => e,
    );
  }

  @Authorized('ADMIN')
  @Query(() => [AuditAction], {
    description: 'Every kind of audited act with its name in words (admins only).',
  })
  auditActions(): AuditAction[] {
    return Object.entries(AUDIT_ACTION_LABELS).map(([action, label]) => ({ action, label }));
  }

  @Authorized('ADMIN')
  @Query(() => [FailedJob], {
    description: 'Background jobs whose last run failed, newest first, at most 100 (admins only).',
  })
  failedJobs(@Ctx() ctx: Context) {
    return listFailedJobs({ db: ctx.db, viewer: ctx.viewer });
  }
}
