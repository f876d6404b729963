export interface PollsTable {
  id: string;
  post_id: string;
  kind: 'choice' | 'date';
  question: string;
  multiple: number;
  max_choices: number | null;
  anonymous: number;
  results: 'always' | 'after_vote' | 'after_close';
  allow_add_options: number;
  deadline: string | null;
  reminder_at: string | null;
  /** When the reminder to non-voters went out (once per reminder time). */
  reminded_at: string | null;
  closed_at: string | null;
  time_zone: string;
  /** Date polls: the event made from the chosen slot. */
  event_id: string | null;
  created_at: string;
}

export interface PollOptionsTable {
  id: string;
  poll_id: string;
  position: number;
  label: string;
  starts_at: string | null;
  ends_at: string | null;
  added_by_member: number;
}

/** Named polls only: who chose which option (date polls: with the answer). */
export interface PollVotesTable {
  poll_id: string;
  option_id: string;
  user_id: string;
  answer: string | null;
}

/** Who has voted, in every poll: prevents double voting and tells whom to remind. Never what they chose. */
export interface PollParticipantsTable {
  poll_id: string;
  user_id: string;
}

/** Anonymous polls only: the choices under an HMAC of (poll, voter) — no user id, no time, no time-ordered id. */
export interface PollBallotsTable {
  poll_id: string;
  ballot: string;
  option_id: string;
  answer: string | null;
}
