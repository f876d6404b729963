export interface GroupsTable {
  id: string;
  slug: string;
  name: string;
  /** Lower-cased name: sort and keyset key of the group directory. */
  sort_name: string;
  description: string;
  welcome_text: string | null;
  visibility: 'public' | 'private' | 'secret';
  join_policy: 'open' | 'request' | 'invite';
  cover_file_id: string | null;
  created_by: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface GroupMembersTable {
  group_id: string;
  user_id: string;
  role: 'owner' | 'moderator' | 'member';
  joined_at: string;
}

/** Open join requests (`request`, the person asks) and invitations (`invitation`, the group asks). */
export interface GroupRequestsTable {
  id: string;
  group_id: string;
  user_id: string;
  kind: 'request' | 'invitation';
  message: string | null;
  created_by: string | null;
  created_at: string;
}
