import { Role } from '@civicflow/contracts';
import { AuthUser, signToken } from '@civicflow/platform';

/** A bearer token for a test user, signed with the secret the services under test verify with. */
export async function bearerFor(role: Role, unitId: string, userId = `${role}-test`): Promise<string> {
  const user: AuthUser = { userId, name: userId, role, unitId };
  const secret = process.env.JWT_SECRET ?? 'local-development-jwt-secret-change-me-000000';
  return `Bearer ${await signToken(user, secret)}`;
}
