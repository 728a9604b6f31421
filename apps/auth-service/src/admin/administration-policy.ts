import type { Role } from '@capstone/platform/auth';
import { ConflictError, ForbiddenError, ValidationError } from '@capstone/platform/http';
import { isActiveAdmin, type ManagedUser } from './managed-user';

// The rules every administrative change obeys, whichever API or command asks for it.

export type AdminAction = 'demote' | 'disable' | 'delete';

/**
 * Tokens carry roles for their whole lifetime, so the acting admin is checked against the
 * database: a demoted or disabled admin's unexpired token cannot administer anything.
 */
export function assertCanAdminister(actor: ManagedUser | null): asserts actor is ManagedUser {
  if (!actor || !isActiveAdmin(actor)) {
    throw new ForbiddenError('Only an active administrator may do this');
  }
}

/** Every account is a user; `admin` is granted on top. Returns the roles in a canonical order. */
export function rolesToAssign(requested: readonly Role[]): Role[] {
  if (!requested.includes('user')) {
    throw new ValidationError([
      { field: 'roles', message: 'roles must include user', code: 'user_role_required' },
    ]);
  }
  return requested.includes('admin') ? ['user', 'admin'] : ['user'];
}

/** Someone must always be able to administer: the last active admin cannot be removed. */
export function assertAnAdminRemains(
  activeAdminIds: readonly string[],
  target: ManagedUser,
  action: AdminAction,
): void {
  const others = activeAdminIds.filter((id) => id !== target.id);
  if (isActiveAdmin(target) && others.length === 0) {
    throw new ConflictError(`Cannot ${action} the last active administrator`, {
      code: 'last_admin',
    });
  }
}
