/** Kysely table interfaces of the escalation directory. JSON columns are text. */

export interface EscalationTopicsTable {
  id: string;
  title: string;
  description: string;
  /** JSON string[]. */
  keywords: string;
  /** Lower-cased title, keywords and description (case-insensitive search on both dialects). */
  search_text: string;
  responsible_id: string | null;
  deputy_id: string | null;
  time_zone: string;
  /** JSON BusinessHours. */
  business_hours: string;
  /** JSON Array<{userId, condition}>. */
  chain: string;
  ack_timeout_minutes: number;
  /** JSON OutOfHoursInput. */
  out_of_hours: string;
  version: number;
  archived_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EscalationTopicVersionsTable {
  id: string;
  topic_id: string;
  version: number;
  author_id: string | null;
  summary: string;
  /** JSON Array<{field, from, to}>. */
  changes: string;
  /** JSON snapshot of the stored fields after the change. */
  snapshot: string;
  created_at: string;
}

export interface EscalationHolidaysTable {
  /** YYYY-MM-DD. */
  date: string;
  name: string;
}

export interface EscalationEditorsTable {
  user_id: string;
  added_by: string | null;
  added_at: string;
}

export interface EscalationsTable {
  id: string;
  topic_id: string;
  raiser_id: string | null;
  message: string;
  status: 'open' | 'acknowledged' | 'unacknowledged_at_top';
  level: number;
  /** JSON string[]: the person of each level, fixed when raised. */
  chain_ids: string;
  assignee_id: string | null;
  out_of_hours: number;
  via: 'responsible' | 'on_call' | 'rota' | 'wait';
  next_opening: string | null;
  escalates_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  conversation_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface EscalationStepsTable {
  id: string;
  escalation_id: string;
  kind: 'raised' | 'notified' | 'escalated' | 'acknowledged' | 'unacknowledged_at_top';
  level: number;
  user_id: string | null;
  at: string;
}
