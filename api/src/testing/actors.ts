import type { Role } from '@lms/db';
import type { TestApi } from '../test-support';

export interface Actor {
  id: string;
  token: string;
  email: string;
}

let counter = 0;

/**
 * Registers a user through the API (the real flow), then gives them a role. Unless told not to,
 * the address counts as confirmed (as if the emailed link had been opened; the link itself is
 * tested in the account tests) and the user confirms their name for certificates (through the
 * API), as a learner does before their first certificate is issued.
 */
export async function registerActor(
  api: TestApi,
  role: Role,
  name = `${role} ${counter + 1}`,
  options: { confirmCertificateName?: boolean; verifyEmail?: boolean } = {},
): Promise<Actor> {
  counter += 1;
  const email = `${role.toLowerCase()}-${counter}-${Date.now()}@example.com`;
  const result = await api.gql<{ register: { token: string; viewer: { id: string } } }>(
    `mutation($input: RegisterInput!) { register(input: $input) { token viewer { id } } }`,
    { input: { name, email, password: 'correct-horse-battery' } },
  );
  const registered = result.data?.register;
  if (!registered) throw new Error(`registration failed: ${JSON.stringify(result.errors)}`);
  if (role !== 'STUDENT' || options.verifyEmail !== false) {
    await api.database.db.user.update({
      where: { id: registered.viewer.id },
      data: {
        role,
        ...(options.verifyEmail !== false ? { emailVerifiedAt: new Date() } : {}),
      },
    });
  }
  if (options.confirmCertificateName !== false) {
    const confirmed = await api.gql(
      'mutation($name: String!) { confirmCertificateName(name: $name) { confirmed } }',
      { name },
      { token: registered.token },
    );
    if (confirmed.errors)
      throw new Error(`name confirmation failed: ${JSON.stringify(confirmed.errors)}`);
  }
  return { id: registered.viewer.id, token: registered.token, email };
}
