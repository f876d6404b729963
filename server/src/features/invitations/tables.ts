export interface InvitationsTable {
  id: string;
  email: string;
  role: 'admin' | 'member' | 'guest';
  /** For guests: the group they are invited into. */
  group_id: string | null;
  /** sha256 of the secret token sent by mail; the token itself is never stored. */
  token_hash: string;
  invited_by: string | null;
  locale: 'de' | 'en';
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_user_id: string | null;
  revoked_at: string | null;
}
