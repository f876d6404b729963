import type { ScenarioDefinition, WorkshopLanguage, WorkshopScenario } from '@innenhof/contract';

/** One role in the editor; `key` is derived from the name for new roles and kept for existing ones. */
export interface RoleDraft {
  uid: string;
  key: string | null;
  name: string;
  side: 'customer' | 'company';
  observer: boolean;
  briefing: string;
}

export interface InjectDraft {
  uid: string;
  id: string | null;
  afterMinutes: string;
  text: string;
  targetRoleUid: string;
  /** Empty weekday: the inject does not move the simulated clock. */
  clockWeekday: string;
  clockTime: string;
  /** Kept as saved (not edited here): empty means the scenario's start zone. */
  clockZone: string;
}

export interface CriterionDraft {
  uid: string;
  key: string | null;
  name: string;
  description: string;
  scale: [string, string, string, string, string];
}

export interface ScenarioDraft {
  title: string;
  language: WorkshopLanguage;
  situation: string;
  brandName: string;
  postText: string;
  roles: RoleDraft[];
  goals: Array<{ uid: string; text: string }>;
  weekday: string;
  time: string;
  zone: string;
  injects: InjectDraft[];
  rubric: CriterionDraft[];
  linkedTopicIds: string[];
  shared: boolean;
  /** Kept as it was (the editor does not edit it; a copied built-in keeps its expected escalation). */
  expectedEscalation: ScenarioDefinition['expectedEscalation'];
}

let counter = 0;
export const uid = () => `d${++counter}`;

/** "Team lead (Social media)" → "team-lead-social-media"; German letters spelled out. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 36);
}

/** Keys unique within a list: existing ones are kept, new ones come from the name (or `fallback-n`). */
function uniqueKeys<T>(items: T[], existing: (item: T) => string | null, name: (item: T) => string, fallback: string): string[] {
  const used = new Set<string>();
  return items.map((item, i) => {
    const base = existing(item) ?? (slug(name(item)) || `${fallback}-${i + 1}`);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}

export const emptyRole = (side: RoleDraft['side']): RoleDraft => ({ uid: uid(), key: null, name: '', side, observer: false, briefing: '' });
export const emptyInject = (): InjectDraft => ({
  uid: uid(),
  id: null,
  afterMinutes: '5',
  text: '',
  targetRoleUid: '',
  clockWeekday: '',
  clockTime: '',
  clockZone: '',
});
export const emptyCriterion = (): CriterionDraft => ({ uid: uid(), key: null, name: '', description: '', scale: ['', '', '', '', ''] });

const criterionDraft = (c: WorkshopScenario['rubric'][number], keepDescription: boolean): CriterionDraft => ({
  uid: uid(),
  key: c.key,
  name: c.name,
  description: keepDescription ? c.description : '',
  scale: [c.scale[1], c.scale[2], c.scale[3], c.scale[4], c.scale[5]],
});

/** The built-ins' criteria (once per key, in their order), without the scenario-specific descriptions. */
export function builtinCriteria(scenarios: WorkshopScenario[]): CriterionDraft[] {
  const byKey = new Map<string, WorkshopScenario['rubric'][number]>();
  for (const s of scenarios) if (s.source === 'builtin') for (const c of s.rubric) if (!byKey.has(c.key)) byKey.set(c.key, c);
  return [...byKey.values()].map((c) => criterionDraft(c, false));
}

/** A new scenario: two roles (customer and company), Friday 17:00 in the browser's zone, the built-ins' rubric. */
export function newDraft(language: WorkshopLanguage, rubric: CriterionDraft[]): ScenarioDraft {
  return {
    title: '',
    language,
    situation: '',
    brandName: '',
    postText: '',
    roles: [emptyRole('customer'), emptyRole('company')],
    goals: [],
    weekday: '5',
    time: '17:00',
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Berlin',
    injects: [],
    rubric: rubric.length ? rubric : [emptyCriterion()],
    linkedTopicIds: [],
    shared: false,
    expectedEscalation: undefined,
  };
}

/** My custom scenario as it is now, to edit. */
export function draftOf(s: WorkshopScenario): ScenarioDraft {
  const roles = s.roles.map((r) => ({ uid: uid(), key: r.key, name: r.name, side: r.side, observer: r.observer, briefing: r.briefing ?? '' }));
  const roleUid = (key: string | null) => roles.find((r) => r.key === key)?.uid ?? '';
  return {
    title: s.title,
    language: s.language,
    situation: s.situation,
    brandName: s.stage.brandName,
    postText: s.stage.postText,
    roles,
    goals: s.goals.map((text) => ({ uid: uid(), text })),
    weekday: String(s.simulatedStart.weekday),
    time: s.simulatedStart.time,
    zone: s.simulatedStart.zone,
    injects: s.injects.map((i) => ({
      uid: uid(),
      id: i.id,
      afterMinutes: String(i.afterMinutes),
      text: i.text,
      targetRoleUid: roleUid(i.targetRoleKey),
      clockWeekday: i.simulatedTime ? String(i.simulatedTime.weekday) : '',
      clockTime: i.simulatedTime?.time ?? '',
      clockZone: i.simulatedTime?.zone ?? '',
    })),
    rubric: s.rubric.map((c) => criterionDraft(c, true)),
    linkedTopicIds: s.linkedTopicIds,
    shared: s.shared,
    expectedEscalation: s.expectedEscalation ? { ...s.expectedEscalation } : undefined,
  };
}

const int = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** The definition the server validates (it reports problems by path, e.g. `definition.roles.1.name`). */
export function definitionOf(d: ScenarioDraft): ScenarioDefinition {
  const roleKeys = uniqueKeys(
    d.roles,
    (r) => r.key,
    (r) => r.name,
    'role',
  );
  const keyOfRole = new Map(d.roles.map((r, i) => [r.uid, roleKeys[i] as string]));
  const injectIds = uniqueKeys(
    d.injects,
    (i) => i.id,
    () => '',
    'inject',
  );
  const criterionKeys = uniqueKeys(
    d.rubric,
    (c) => c.key,
    (c) => c.name,
    'criterion',
  );
  return {
    title: d.title,
    situation: d.situation,
    stage: { brandName: d.brandName, postText: d.postText },
    roles: d.roles.map((r, i) => ({ key: roleKeys[i] as string, name: r.name, side: r.side, observer: r.observer, briefing: r.briefing })),
    goals: d.goals.map((g) => g.text),
    linkedTopicIds: d.linkedTopicIds,
    ...(d.expectedEscalation ? { expectedEscalation: d.expectedEscalation } : {}),
    injects: d.injects.map((inj, i) => {
      const target = keyOfRole.get(inj.targetRoleUid);
      return {
        id: injectIds[i] as string,
        afterMinutes: int(inj.afterMinutes),
        text: inj.text,
        ...(target ? { targetRoleKey: target } : {}),
        ...(inj.clockWeekday
          ? { simulatedTime: { weekday: int(inj.clockWeekday), time: inj.clockTime, ...(inj.clockZone ? { zone: inj.clockZone } : {}) } }
          : {}),
      };
    }),
    rubric: d.rubric.map((c, i) => ({
      key: criterionKeys[i] as string,
      name: c.name,
      description: c.description,
      scale: { 1: c.scale[0], 2: c.scale[1], 3: c.scale[2], 4: c.scale[3], 5: c.scale[4] },
    })),
    simulatedStart: { weekday: int(d.weekday), time: d.time, zone: d.zone },
  };
}
