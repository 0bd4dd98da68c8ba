import { fileMembers, type MemberListDoc, type Migration } from '@civicflow/platform';
import { type DirectoryUserDoc, roleHoldersKey } from '../recipients/directory.schema';

/**
 * Users stored before each role and unit listed its holders (directory_role_lists; every notice to a role was a
 * filter on role and unit over every user): one pass, each filed under their role and unit. Idempotent ($addToSet).
 */
export const directoryRoleListsMigration: Migration = {
  id: 'notification-2026-12-directory-role-lists',
  description: '角色持有人按 _id 读取 the holders of each role in each unit are listed',
  async run(db) {
    const holders: { key: string; member: string }[] = [];
    for await (const u of db.collection<DirectoryUserDoc>('directory_users').find({}, { projection: { _id: 1, role: 1, unitId: 1 } })) {
      holders.push({ key: roleHoldersKey(u.role, u.unitId), member: u._id });
    }
    const lists = await fileMembers(db.collection<MemberListDoc>('directory_role_lists'), holders);
    return `${holders.length} users listed under ${lists} roles and units`;
  },
};
