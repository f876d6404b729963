/** Query keys of the workshops feature; everything starts with `workshops`, so one live invalidation refreshes it all. */
export const workshopKeys = {
  all: ['workshops'] as const,
  scenarios: (language: string) => ['workshops', 'scenarios', language] as const,
  scenario: (id: string, language: string) => ['workshops', 'scenarios', 'one', id, language] as const,
  sessions: ['workshops', 'sessions'] as const,
  sessionList: (state: string | null) => ['workshops', 'sessions', 'list', state] as const,
  session: (id: string) => ['workshops', 'sessions', 'one', id] as const,
  stage: (id: string) => ['workshops', 'stage', id] as const,
  report: (id: string) => ['workshops', 'report', id] as const,
  comparison: (id: string) => ['workshops', 'comparison', id] as const,
  myScores: (id: string) => ['workshops', 'scores', id] as const,
  progress: ['workshops', 'progress'] as const,
  /** The escalation directory's topics, as the workshops read them (exercise escalation, linked topics). */
  topics: ['workshops', 'topics'] as const,
  facilitated: ['workshops', 'sessions', 'facilitated'] as const,
};

export const sessionPath = (id: string) => `/workshops/sessions/${encodeURIComponent(id)}`;
