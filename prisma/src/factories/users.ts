import { hashPassword } from '@lms/password';
import type { Prisma, Role } from '../generated/client';
import { uniqueSuffix } from './sequence';

type Client = Prisma.TransactionClient;

/** Not an argon2 hash: nobody can sign in as a user created with it. */
export const UNUSABLE_PASSWORD_HASH = 'not-a-real-hash';

export interface UserSpec {
  /** Default: `<role>-<unique>@example.com`. */
  email?: string;
  /** Default: `<Role> <unique>`. */
  name?: string;
  /** Default STUDENT. */
  role?: Role;
  /** Hashed with argon2 (about 50 ms); without it the user cannot sign in (see passwordHash). */
  password?: string;
  /** A hash made beforehand (the seed hashes outside its transaction); wins over `password`. */
  passwordHash?: string;
  bio?: string | null;
  /** Professional credentials, in this order. */
  credentials?: { credential: string; awardedYear: number }[];
  /** Default: not confirmed. `true`: confirmed now. */
  emailVerifiedAt?: Date | true | null;
  /** Confirms this name for certificates (as a learner does before the first certificate). */
  certificateName?: string;
}

/** Inserts a user (with credentials) and returns the row. */
export async function createUser(db: Client, spec: UserSpec = {}) {
  const role = spec.role ?? 'STUDENT';
  const suffix = uniqueSuffix();
  const passwordHash =
    spec.passwordHash ??
    (spec.password === undefined ? UNUSABLE_PASSWORD_HASH : await hashPassword(spec.password));
  return db.user.create({
    data: {
      email: spec.email ?? `${role.toLowerCase()}-${suffix}@example.com`,
      name: spec.name ?? `${role.charAt(0)}${role.slice(1).toLowerCase()} ${suffix}`,
      role,
      passwordHash,
      bio: spec.bio ?? null,
      emailVerifiedAt: spec.emailVerifiedAt === true ? new Date() : (spec.emailVerifiedAt ?? null),
      ...(spec.certificateName !== undefined && {
        certificateName: spec.certificateName,
        certificateNameConfirmedAt: new Date(),
      }),
      credentials: {
        create: (spec.credentials ?? []).map((credential, position) => ({
          ...credential,
          position,
        })),
      },
    },
  });
}

/**
 * The viewer (who makes a request, as core's use cases take it) for a user row: what
 * getViewerByToken returns after sign-in, without a session.
 */
export function viewerFor(user: {
  id: string;
  name: string;
  email: string;
  role: Role;
  timeZone?: string | null;
}) {
  return {
    id: user.id,
    sessionId: '00000000-0000-4000-8000-000000000000',
    name: user.name,
    email: user.email,
    role: user.role,
    timeZone: user.timeZone ?? null,
  };
}
