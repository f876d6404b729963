export interface EventsTable {
  id: string;
  organizer_id: string | null;
  title: string;
  description: string;
  audience: 'group' | 'company' | 'invited';
  group_id: string | null;
  time_zone: string;
  all_day: number;
  /** Local wall-clock start/end in time_zone (`2026-12-04T12:00`; all-day: `2026-12-04`, end inclusive). */
  start_local: string;
  end_local: string;
  /** UTC instants of the first occurrence. */
  starts_at: string;
  ends_at: string;
  /** RRULE text without the prefix. */
  recurrence: string | null;
  /** UTC end of the last occurrence of a bounded series (null: single or unbounded). */
  series_ends_at: string | null;
  location: string | null;
  online_url: string | null;
  cover_file_id: string | null;
  capacity: number | null;
  reminder_minutes: number | null;
  post_id: string | null;
  poll_id: string | null;
  cancelled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventInviteesTable {
  event_id: string;
  user_id: string;
}

export interface EventOverridesTable {
  event_id: string;
  /** The occurrence's original start (UTC ISO). */
  occurrence: string;
  start_local: string | null;
  end_local: string | null;
  starts_at: string | null;
  ends_at: string | null;
  title: string | null;
  description: string | null;
  location: string | null;
  online_url: string | null;
  cancelled_at: string | null;
  updated_at: string;
}

export interface EventRsvpsTable {
  event_id: string;
  occurrence: string;
  user_id: string;
  status: 'going' | 'maybe' | 'declined' | 'waiting';
  answered_at: string;
}

export interface EventRemindersTable {
  event_id: string;
  occurrence: string;
  sent_at: string;
}

export interface CalendarFeedsTable {
  user_id: string;
  /** Random; the token is HMAC(server secret, nonce), so the database alone never yields a working URL. */
  nonce: string;
  token_hash: string;
  created_at: string;
}
