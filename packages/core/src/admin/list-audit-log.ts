import type { Db, Prisma } from '@lms/db';
import { isTimeZone, startOfLocalDay } from '@lms/time';
import { z } from 'zod';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { parseInput } from '../errors/validate';
import { afterTimeCursor, type Page, pageArgsSchema, toPage } from '../pagination/keyset';
import { auditActionLabel, describeAuditDetails, peopleInDetails } from './audit-descriptions';

export interface AuditLogEntry {
  id: string;
  action: string;
  /** The action in words ("Revoked a certificate"). */
  actionLabel: string;
  targetType: string;
  targetId: string;
  /** The record by name: a person's or course's name, an order number, a serial (null: gone). */
  targetName: string | null;
  details: Prisma.JsonValue;
  /** The details in one sentence, people by name. */
  summary: string;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
}

const day = z.iso.date({ error: 'Use a date like 2026-11-30.' });

const filterSchema = pageArgsSchema
  .extend({
    targetId: z.string().trim().max(100).nullish(),
    actor: z.string().trim().max(200, 'Keep the name under 200 characters.').nullish(),
    action: z.string().trim().max(100).nullish(),
    from: day.nullish(),
    to: day.nullish(),
    timeZone: z
      .string()
      .refine(isTimeZone, { error: 'Unknown time zone: use an IANA name like America/Chicago.' })
      .default('UTC'),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    error: 'The end date is before the start date.',
    path: ['to'],
  });

export type AuditLogFilter = Omit<z.input<typeof filterSchema>, 'first' | 'after'>;

function nextDay(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The audit log, newest first, for people: each entry's action and details in words, its actor
 * and target by name. Filters: actor (part of a name or email), action (its key), a range of
 * days (inclusive) in the reader's time zone, and one record. Admins only.
 */
export async function listAuditLog(
  options: { db: Db; viewer: Viewer | null; first: number; after?: string | null } & AuditLogFilter,
): Promise<Page<AuditLogEntry>> {
  requireAdmin(options.viewer);
  const input = parseInput(filterSchema, {
    first: options.first,
    after: options.after,
    targetId: options.targetId,
    actor: options.actor,
    action: options.action,
    from: options.from,
    to: options.to,
    timeZone: options.timeZone ?? undefined,
  });
  const createdAt: Prisma.DateTimeFilter = {};
  if (input.from) createdAt.gte = startOfLocalDay(input.from, input.timeZone);
  if (input.to) createdAt.lt = startOfLocalDay(nextDay(input.to), input.timeZone);
  const scope: Prisma.AuditLogWhereInput = {
    ...(input.targetId ? { targetId: input.targetId } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.from || input.to ? { createdAt } : {}),
    ...(input.actor
      ? {
          actor: {
            OR: [
              { name: { contains: input.actor, mode: 'insensitive' } },
              { email: { contains: input.actor, mode: 'insensitive' } },
            ],
          },
        }
      : {}),
  };
  const [rows, totalCount] = await Promise.all([
    options.db.auditLog.findMany({
      where: { AND: [scope, afterTimeCursor(input.after)] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: input.first + 1,
      select: {
        id: true,
        action: true,
        targetType: true,
        targetId: true,
        details: true,
        createdAt: true,
        actorId: true,
        actor: { select: { name: true } },
      },
    }),
    options.db.auditLog.count({ where: scope }),
  ]);
  const names = await namesOf(options.db, rows);
  const entries = rows.map(({ actor, ...row }) => ({
    ...row,
    actionLabel: auditActionLabel(row.action),
    targetName:
      names.get(`${row.targetType}:${row.targetId}`) ??
      (row.action === 'course.delete' ? fallbackSlug(row.details) : null),
    summary: describeAuditDetails(row.action, row.details, (id) => names.get(`User:${id}`) ?? null),
    actorName: actor?.name ?? null,
  }));
  return toPage(entries, input.first, input.after, totalCount);
}

function fallbackSlug(details: Prisma.JsonValue): string | null {
  const slug = (details as { slug?: unknown } | null)?.slug;
  return typeof slug === 'string' ? slug : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One query per kind of record on the page: "Type:id" → its name. */
async function namesOf(
  db: Db,
  rows: { targetType: string; targetId: string; details: Prisma.JsonValue }[],
): Promise<Map<string, string>> {
  const ids = (type: string) => [
    ...new Set(
      rows.filter((r) => r.targetType === type && UUID.test(r.targetId)).map((r) => r.targetId),
    ),
  ];
  const userIds = [
    ...new Set([...ids('User'), ...rows.flatMap((r) => peopleInDetails(r.details))]),
  ].filter((id) => UUID.test(id));
  const courseIds = ids('Course');
  const orderIds = ids('Order');
  const certificateIds = ids('Certificate');
  const requirementIds = ids('CeuRequirement');
  const [users, courses, orders, certificates, requirements] = await Promise.all([
    userIds.length
      ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })
      : [],
    courseIds.length
      ? db.course.findMany({
          where: { id: { in: courseIds } },
          select: {
            id: true,
            latestPublishedVersion: { select: { title: true } },
            draftVersion: { select: { title: true } },
          },
        })
      : [],
    orderIds.length
      ? db.order.findMany({
          where: { id: { in: orderIds } },
          select: { id: true, orderNumber: true },
        })
      : [],
    certificateIds.length
      ? db.certificate.findMany({
          where: { id: { in: certificateIds } },
          select: { id: true, serial: true },
        })
      : [],
    requirementIds.length
      ? db.ceuRequirement.findMany({
          where: { id: { in: requirementIds } },
          select: { id: true, body: true, credential: true },
        })
      : [],
  ]);
  const names = new Map<string, string>();
  for (const u of users) names.set(`User:${u.id}`, u.name);
  for (const c of courses) {
    const title = c.latestPublishedVersion?.title ?? c.draftVersion?.title;
    if (title) names.set(`Course:${c.id}`, title);
  }
  for (const o of orders) names.set(`Order:${o.id}`, o.orderNumber);
  for (const c of certificates) names.set(`Certificate:${c.id}`, c.serial);
  for (const r of requirements) names.set(`CeuRequirement:${r.id}`, `${r.body} ${r.credential}`);
  return names;
}
