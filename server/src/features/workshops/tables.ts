export interface WorkshopScenariosTable {
  id: string;
  author_id: string | null;
  title: string;
  language: 'de' | 'en';
  shared: number;
  /** The scenario definition (JSON of model.ts's ScenarioDefinition). */
  definition: string;
  copied_from: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkshopSessionsTable {
  id: string;
  scenario_id: string;
  facilitator_id: string | null;
  title: string;
  language: 'de' | 'en';
  /** The scenario definition frozen at creation (JSON). */
  snapshot: string;
  state: 'draft' | 'running' | 'paused' | 'ended';
  time_zone: string;
  /** The simulated clock showed `sim_anchor` at real time `sim_anchor_real_at` (null: standing still). */
  sim_anchor: string | null;
  sim_anchor_real_at: string | null;
  previous_session_id: string | null;
  round: number;
  /** Participants may score each other (else only the facilitator scores, and each person assesses themselves). */
  peer_scoring: number;
  started_at: string | null;
  ended_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkshopParticipantsTable {
  session_id: string;
  user_id: string;
  role_key: string;
}

export interface WorkshopEntriesTable {
  id: string;
  session_id: string;
  kind: 'message' | 'inject' | 'escalation' | 'state';
  user_id: string | null;
  role_key: string | null;
  channel: 'comment' | 'reply' | 'dm' | null;
  parent_id: string | null;
  body: string;
  inject_id: string | null;
  target_role_key: string | null;
  /** JSON: escalation details, state change. */
  data: string | null;
  correct: number | null;
  at: string;
  simulated_at: string | null;
}

export interface WorkshopScoresTable {
  session_id: string;
  rater_id: string;
  rated_role_key: string;
  criterion_key: string;
  kind: 'facilitator' | 'peer' | 'self';
  value: number;
  updated_at: string;
}

export interface WorkshopCommentsTable {
  id: string;
  session_id: string;
  /** The transcript entry (a stage message) commented on. */
  entry_id: string;
  author_id: string;
  body: string;
  created_at: string;
}
