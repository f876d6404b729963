/** Query keys of the escalation directory; everything starts with `escalation`, so one live invalidation refreshes it all. */
export const escalationKeys = {
  all: ['escalation'] as const,
  topics: ['escalation', 'topics'] as const,
  topicList: (q: string, archived: boolean) => ['escalation', 'topics', 'list', q, archived] as const,
  topic: (id: string) => ['escalation', 'topics', 'one', id] as const,
  versions: (id: string) => ['escalation', 'versions', id] as const,
  holidays: ['escalation', 'holidays'] as const,
  editors: ['escalation', 'editors'] as const,
  escalations: ['escalation', 'cases'] as const,
  escalationList: (scope: 'mine' | 'assigned', status: string | null) => ['escalation', 'cases', 'list', scope, status] as const,
  escalation: (id: string) => ['escalation', 'cases', 'one', id] as const,
};

export const topicPath = (id: string) => `/escalation/topics/${encodeURIComponent(id)}`;
export const escalationPath = (id: string) => `/escalations/${encodeURIComponent(id)}`;
