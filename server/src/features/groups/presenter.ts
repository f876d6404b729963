import type { Group, GroupAbilities, GroupSummary } from '@innenhof/contract';
import { abilities, type Actor } from '../../core/policy/index.js';
import { imageUrls } from '../../core/storage.js';
import type { GroupFacts } from './policy.js';
import type { GroupRow, RequestRow } from './repository.js';

export function groupAbilities(actor: Actor, facts: GroupFacts): GroupAbilities {
  return abilities(actor, facts, {
    readContent: 'group.read_content',
    join: 'group.join',
    request: 'group.request',
    leave: 'group.leave',
    invite: 'group.invite',
    inviteGuests: 'group.invite_guest',
    manageMembers: 'group.manage_members',
    changeRoles: 'group.change_role',
    update: 'group.update',
    updatePrivacy: 'group.update_privacy',
    archive: 'group.archive',
    delete: 'group.delete',
    post: 'group.post',
    announce: 'group.announce',
  });
}

export function presentGroupSummary(
  actor: Actor,
  row: GroupRow,
  count: { members: number; guests: number } | undefined,
  facts: GroupFacts,
  open: RequestRow | undefined,
): GroupSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    joinPolicy: row.join_policy,
    cover: imageUrls(row.cover_file_id),
    memberCount: count?.members ?? 0,
    hasGuests: (count?.guests ?? 0) > 0,
    archived: row.archived_at !== null,
    membership: {
      role: facts.role,
      requested: facts.requested,
      invitationId: open?.kind === 'invitation' ? open.id : null,
    },
    abilities: groupAbilities(actor, facts),
  };
}

export function presentGroup(
  actor: Actor,
  row: GroupRow,
  count: { members: number; guests: number } | undefined,
  facts: GroupFacts,
  open: RequestRow | undefined,
  chatId: string | null = null,
): Group {
  return {
    ...presentGroupSummary(actor, row, count, facts, open),
    // The welcome text is for members (and those about to become one).
    welcomeText: facts.role !== null || facts.invited || actor.role === 'admin' ? row.welcome_text : null,
    createdAt: row.created_at,
    archivedAt: row.archived_at,
    chatId: facts.role !== null ? chatId : null,
  };
}
