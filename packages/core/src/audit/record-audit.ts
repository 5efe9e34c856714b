import type { Prisma } from '@lms/db';
import type { DbOrTx } from '../db/tx';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: 'User' | 'Course' | 'Order' | 'Certificate' | 'CeuRequirement';
  targetId: string;
  details?: Prisma.InputJsonObject;
}

/** Appends to the audit log, inside the caller's transaction so the record and the act agree. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: { ...entry, details: entry.details ?? {} },
    select: { id: true },
  });
}
