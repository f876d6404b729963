import type {
  BusinessHours,
  BusinessHoursInput,
  ChainLevelInput,
  CreateEscalationTopic,
  OutOfHoursInput,
  UpdateEscalationTopic,
  Weekday,
} from '@innenhof/contract';
import { EscalationLimits, Weekdays } from '@innenhof/contract';
import type { Executor } from '../../core/db/index.js';
import { fieldError } from '../../core/errors.js';
import * as users from '../users/repository.js';
import { minutesOf, validZone } from './contact-now.js';
import type { TopicRow } from './repository.js';

/**
 * A topic's stored fields: what a version snapshots and `contactNow` reads. People are ids.
 */
export interface StoredTopic {
  title: string;
  description: string;
  keywords: string[];
  responsibleId: string | null;
  deputyId: string | null;
  timeZone: string;
  businessHours: BusinessHours;
  chain: ChainLevelInput[];
  ackTimeoutMinutes: number;
  outOfHours: OutOfHoursInput;
}

export const TOPIC_FIELDS = [
  'title',
  'description',
  'keywords',
  'responsibleId',
  'deputyId',
  'timeZone',
  'businessHours',
  'chain',
  'ackTimeoutMinutes',
  'outOfHours',
] as const satisfies ReadonlyArray<keyof StoredTopic>;

export function storedOf(row: TopicRow): StoredTopic {
  return {
    title: row.title,
    description: row.description,
    keywords: JSON.parse(row.keywords) as string[],
    responsibleId: row.responsible_id,
    deputyId: row.deputy_id,
    timeZone: row.time_zone,
    businessHours: JSON.parse(row.business_hours) as BusinessHours,
    chain: JSON.parse(row.chain) as ChainLevelInput[],
    ackTimeoutMinutes: row.ack_timeout_minutes,
    outOfHours: JSON.parse(row.out_of_hours) as OutOfHoursInput,
  };
}

/** The columns of a stored topic. */
export function columnsOf(t: StoredTopic) {
  return {
    title: t.title,
    description: t.description,
    keywords: JSON.stringify(t.keywords),
    search_text: [t.title, ...t.keywords, t.description].join('\n').normalize('NFC').toLowerCase(),
    responsible_id: t.responsibleId,
    deputy_id: t.deputyId,
    time_zone: t.timeZone,
    business_hours: JSON.stringify(t.businessHours),
    chain: JSON.stringify(t.chain),
    ack_timeout_minutes: t.ackTimeoutMinutes,
    out_of_hours: JSON.stringify(t.outOfHours),
  };
}

/** Every weekday, spans sorted; 400 naming the span when one ends before it starts or two overlap. */
export function normalizeHours(input: BusinessHoursInput): BusinessHours {
  const out = {} as BusinessHours;
  for (const day of Weekdays) {
    const spans = (input[day] ?? []).map((s, i) => ({ ...s, i }));
    for (const s of spans) {
      if (minutesOf(s.end) <= minutesOf(s.start)) throw fieldError(`businessHours.${day}.${s.i}.end`, 'must be after the start');
    }
    spans.sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    for (let k = 1; k < spans.length; k++) {
      const prev = spans[k - 1] as (typeof spans)[number];
      const cur = spans[k] as (typeof spans)[number];
      if (minutesOf(cur.start) < minutesOf(prev.end)) throw fieldError(`businessHours.${day}.${cur.i}.start`, 'overlaps another span of the day');
    }
    out[day] = spans.map(({ start, end }) => ({ start, end }));
  }
  return out;
}

/** Each named person must be an active employee (not a guest): 400 naming the field otherwise. */
async function checkPeople(db: Executor, refs: Array<[string, string | null | undefined]>): Promise<void> {
  const named = refs.filter((r): r is [string, string] => typeof r[1] === 'string');
  const people = await users.findByIds(
    db,
    named.map((r) => r[1]),
  );
  for (const [field, id] of named) {
    const p = people.get(id);
    if (!p || p.status !== 'active' || p.role === 'guest') throw fieldError(field, 'no such colleague');
  }
}

function cleanKeywords(keywords: string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of keywords ?? []) {
    const v = k.trim();
    if (v && !seen.has(v.toLowerCase())) {
      seen.add(v.toLowerCase());
      out.push(v);
    }
  }
  return out;
}

function cleanOutOfHours(o: OutOfHoursInput): OutOfHoursInput {
  if (o.kind === 'on_call') return { kind: 'on_call', userId: o.userId };
  if (o.kind === 'rota') return { kind: 'rota', userIds: [...o.userIds], startWeek: o.startWeek };
  return { kind: 'next_business_day' };
}

/**
 * A new topic's fields, or a change merged into the old ones, validated: time zone, hours, people
 * (responsible, deputy, chain, on-call, rota). 400 names the field.
 */
export async function validatedTopic(db: Executor, input: CreateEscalationTopic | UpdateEscalationTopic, old?: StoredTopic): Promise<StoredTopic> {
  const base: StoredTopic = old ?? {
    title: '',
    description: '',
    keywords: [],
    responsibleId: null,
    deputyId: null,
    timeZone: 'UTC',
    businessHours: normalizeHours({}),
    chain: [],
    ackTimeoutMinutes: EscalationLimits.ackTimeoutMinutesDefault,
    outOfHours: { kind: 'next_business_day' },
  };
  const t: StoredTopic = {
    title: input.title !== undefined ? input.title.trim() : base.title,
    description: input.description !== undefined ? input.description.trim() : base.description,
    keywords: input.keywords !== undefined ? cleanKeywords(input.keywords) : base.keywords,
    responsibleId: input.responsibleId !== undefined ? input.responsibleId : base.responsibleId,
    deputyId: input.deputyId !== undefined ? input.deputyId : base.deputyId,
    timeZone: input.timeZone !== undefined ? input.timeZone.trim() : base.timeZone,
    businessHours: input.businessHours !== undefined ? normalizeHours(input.businessHours) : base.businessHours,
    chain: input.chain !== undefined ? input.chain.map((c) => ({ userId: c.userId, condition: c.condition.trim() })) : base.chain,
    ackTimeoutMinutes: input.ackTimeoutMinutes !== undefined ? input.ackTimeoutMinutes : base.ackTimeoutMinutes,
    outOfHours: input.outOfHours !== undefined ? cleanOutOfHours(input.outOfHours) : base.outOfHours,
  };
  if (!validZone(t.timeZone)) throw fieldError('timeZone', 'is not an IANA time zone (e.g. Europe/Berlin)');
  if (t.deputyId && t.deputyId === t.responsibleId) throw fieldError('deputyId', 'must be someone other than the responsible person');
  const refs: Array<[string, string | null | undefined]> = [];
  if (input.responsibleId !== undefined) refs.push(['responsibleId', t.responsibleId]);
  if (input.deputyId !== undefined) refs.push(['deputyId', t.deputyId]);
  if (input.chain !== undefined) for (const [i, c] of t.chain.entries()) refs.push([`chain.${i}.userId`, c.userId]);
  if (input.outOfHours !== undefined) {
    const o = t.outOfHours;
    if (o.kind === 'on_call') refs.push(['outOfHours.userId', o.userId]);
    if (o.kind === 'rota') for (const [i, id] of o.userIds.entries()) refs.push([`outOfHours.userIds.${i}`, id]);
  }
  await checkPeople(db, refs);
  return t;
}

const DAY_LABEL: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** "Mon 09:00–17:00; Tue 09:00–12:00, 13:00–17:00" (closed days left out; "closed" when none). */
export function hoursText(h: BusinessHours): string {
  const days = Weekdays.filter((d) => h[d].length > 0).map((d) => `${DAY_LABEL[d]} ${h[d].map((s) => `${s.start}–${s.end}`).join(', ')}`);
  return days.length ? days.join('; ') : 'closed';
}

export type NameOf = (id: string | null) => string;

export function chainText(chain: ChainLevelInput[], name: NameOf): string {
  return chain.map((c, i) => `${i + 1}. ${name(c.userId)}${c.condition ? ` — ${c.condition}` : ''}`).join('; ');
}

export function outOfHoursText(o: OutOfHoursInput, name: NameOf): string {
  if (o.kind === 'on_call') return `On call: ${name(o.userId)}`;
  if (o.kind === 'rota') return `Weekly rota from ${o.startWeek}: ${o.userIds.map((id) => name(id)).join(', ')}`;
  return 'Wait until the next business day';
}

/** All people a stored topic names. */
export function peopleOf(t: StoredTopic): string[] {
  const ids = [t.responsibleId, t.deputyId, ...t.chain.map((c) => c.userId)];
  if (t.outOfHours.kind === 'on_call') ids.push(t.outOfHours.userId);
  if (t.outOfHours.kind === 'rota') ids.push(...t.outOfHours.userIds);
  return ids.filter((x): x is string => Boolean(x));
}

/** A field's value as a reader sees it in the version history. */
export function fieldText(t: StoredTopic, field: (typeof TOPIC_FIELDS)[number], name: NameOf): string | null {
  switch (field) {
    case 'title':
    case 'description':
    case 'timeZone':
      return t[field] || null;
    case 'keywords':
      return t.keywords.join(', ') || null;
    case 'responsibleId':
    case 'deputyId':
      return t[field] ? name(t[field]) : null;
    case 'businessHours':
      return hoursText(t.businessHours);
    case 'chain':
      return chainText(t.chain, name) || null;
    case 'ackTimeoutMinutes':
      return `${t.ackTimeoutMinutes} min`;
    case 'outOfHours':
      return outOfHoursText(t.outOfHours, name);
  }
}

const FIELD_LABEL: Record<(typeof TOPIC_FIELDS)[number], string> = {
  title: 'title',
  description: 'description',
  keywords: 'keywords',
  responsibleId: 'responsible',
  deputyId: 'deputy',
  timeZone: 'time zone',
  businessHours: 'business hours',
  chain: 'escalation chain',
  ackTimeoutMinutes: 'acknowledgement timeout',
  outOfHours: 'out-of-hours rule',
};

/** The fields that differ, with readable before/after values, and a one-line summary. */
export function diffTopics(
  before: StoredTopic,
  after: StoredTopic,
  name: NameOf,
): { changes: Array<{ field: string; from: string | null; to: string | null }>; summary: string } {
  const changed = TOPIC_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  return {
    changes: changed.map((f) => ({ field: f, from: fieldText(before, f, name), to: fieldText(after, f, name) })),
    summary: changed.length ? `Changed ${changed.map((f) => FIELD_LABEL[f]).join(', ')}` : 'No change',
  };
}
