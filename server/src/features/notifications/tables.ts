export interface NotificationsTable {
  id: string;
  user_id: string;
  type: string;
  /** Events with the same key fold into one unread row. */
  group_key: string;
  target_kind: 'post' | 'comment' | 'group' | 'conversation' | 'event' | 'escalation' | 'workshop';
  target_id: string;
  post_id: string | null;
  group_id: string | null;
  detail: string | null;
  /** JSON array of distinct user ids, latest first (at most 50). */
  actor_ids: string;
  count: number;
  /** 0 when the person turned the type off in the app (the row exists for the e-mail only). */
  in_app: number;
  read_at: string | null;
  emailed_at: string | null;
  /** When the row went into a digest. */
  digested_at: string | null;
  email_due_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationReceiptsTable {
  event_id: string;
  user_id: string;
  created_at: string;
}

export interface NotificationSettingsTable {
  user_id: string;
  type: string;
  /** '' for the type as a whole, or a group id (type `group_post`). */
  scope: string;
  in_app: number | null;
  email: string | null;
  updated_at: string;
}
