import type { ActorRole } from '../vocabulary/roles';

/** The acting user, their role (or 'system', the workflow itself) and the org unit they act for. */
export interface Actor {
  readonly userId: string;
  readonly role: ActorRole;
  readonly unitId: string;
}
