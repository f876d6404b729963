import { CompiledQuery, sql } from 'kysely';
import { audit } from '../core/audit.js';
import { hashPassword } from '../core/auth/index.js';
import type { Db } from '../core/db/index.js';
import type { Database } from '../core/db/schema.js';
import { hashtagsIn } from '../features/feed/service.js';
import * as settings from '../features/settings/repository.js';

/**
 * The benchmark's company generator: fills an empty, migrated database directly (multi-row INSERTs in
 * batched transactions, no HTTP, no outbox), deterministic from a seed. Every row is one the app could
 * have written itself: members post in their groups, only people who can read a post comment on or react
 * to it, ids are UUIDv7 whose time part is the row's `created_at` (the app pages posts, comments and
 * messages by id).
 */

export type Scale = 'XS' | 'S' | 'M' | 'L';

export const BENCH_PASSWORD = 'bench-password-1';
export const BENCH_DOMAIN = 'bench.innenhof.test';

interface ScaleSpec {
  employees: number;
  groups: number;
  posts: number;
  comments: number;
  reactions: number;
  messages: number;
  conversations: number;
}

export const SCALES: Record<Scale, ScaleSpec> = {
  XS: { employees: 50, groups: 5, posts: 500, comments: 1_500, reactions: 3_000, messages: 500, conversations: 50 },
  S: { employees: 500, groups: 40, posts: 20_000, comments: 60_000, reactions: 150_000, messages: 20_000, conversations: 1_000 },
  M: { employees: 5_000, groups: 300, posts: 500_000, comments: 1_500_000, reactions: 3_000_000, messages: 500_000, conversations: 20_000 },
  L: { employees: 5_000, groups: 300, posts: 5_000_000, comments: 1_500_000, reactions: 3_000_000, messages: 500_000, conversations: 20_000 },
};

export interface GenerateOptions {
  scale: Scale;
  seed?: number;
  /** The end of the generated year (default: now). */
  now?: Date;
  /** How many employees' e-mail addresses `memberEmails` lists (default 50; the first 50 are the same whatever the number, up to half the company). */
  emails?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface GeneratedCompany {
  scale: Scale;
  seed: number;
  password: string;
  adminEmail: string;
  /** `options.emails` (50) employees' e-mail addresses, never the admin (all share `password`). */
  memberEmails: string[];
  /** Up to 20 groups, each with a few members' e-mail addresses. */
  groups: Array<{ id: string; visibility: 'public' | 'private' | 'secret'; memberCount: number; memberEmails: string[] }>;
  /** A secret group with posts, and an employee who is not its member. */
  secretGroup: { id: string; nonMemberEmail: string } | null;
  /** A profile post (readable by every employee) with at least 50 top-level comments. */
  hotPostId: string;
  /** Two people with a direct conversation that has messages. */
  directPair: { conversationId: string; emails: [string, string] } | null;
  counts: Record<string, number>;
  durationMs: number;
}

// ---------------------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: tiny, fast, good enough for test data; never Math.random (runs must repeat). */
export class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  u32(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  next(): number {
    return this.u32() / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A 32-bit hash of a few integers (murmur3's finalizer per word): derives independent streams and ids. */
export function mix(...xs: number[]): number {
  let h = 0x9e3779b9;
  for (const x of xs) {
    h = Math.imul(h ^ (x >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** A valid UUIDv7 for the millisecond `ms` with the given 74 random bits (taken from three words). */
function v7(ms: number, r1: number, r2: number, r3: number): string {
  const t = hex(Math.floor(ms), 12);
  const randA = r1 & 0xfff;
  const variant = 0x8000 | ((r1 >>> 12) & 0x3fff);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(randA, 3)}-${hex(variant, 4)}-${hex(r2, 8)}${hex(r3 & 0xffff, 4)}`;
}

/** A UUIDv7 whose time part is `date`: ids sort like their timestamps, as the app's keyset pages expect. */
export function idAt(date: Date | number, rng: Rng): string {
  return v7(typeof date === 'number' ? date : date.getTime(), rng.u32(), rng.u32(), rng.u32());
}

// ---------------------------------------------------------------------------------------------------------
// Bulk writing

const CHUNK_ROWS = 500;
/** Rows per transaction: a few batches, so neither dialect holds one huge transaction. */
const TX_ROWS = 10_000;

type Columns<T extends keyof Database> = ReadonlyArray<keyof Database[T] & string>;

/** Prepared multi-row INSERTs: the SQL text per table and row count is built once (and cached as a statement). */
class BulkWriter {
  private texts = new Map<string, string>();
  readonly counts: Record<string, number> = {};
  constructor(private readonly db: Db) {}

  private text(table: string, columns: readonly string[], rows: number): string {
    const key = `${table}:${rows}`;
    let text = this.texts.get(key);
    if (!text) {
      const cols = columns.map((c) => `"${c}"`).join(', ');
      const tuples: string[] = [];
      let p = 1;
      for (let r = 0; r < rows; r++) {
        const marks: string[] = [];
        for (let c = 0; c < columns.length; c++) marks.push(this.db.dialect === 'pg' ? `$${p++}` : '?');
        tuples.push(`(${marks.join(', ')})`);
      }
      text = `insert into "${table}" (${cols}) values ${tuples.join(', ')}`;
      this.texts.set(key, text);
    }
    return text;
  }

  async write(table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
        const slice = rows.slice(i, i + CHUNK_ROWS);
        const params: unknown[] = [];
        for (const row of slice) for (const v of row) params.push(v);
        await tx.db.executeQuery(CompiledQuery.raw(this.text(table, columns, slice.length), params));
      }
    });
    this.counts[table] = (this.counts[table] ?? 0) + rows.length;
  }

  table<T extends keyof Database & string>(table: T, columns: Columns<T>): TableSink {
    return new TableSink(this, table, columns);
  }
}

class TableSink {
  private rows: unknown[][] = [];
  constructor(
    private readonly writer: BulkWriter,
    readonly table: string,
    readonly columns: readonly string[],
  ) {}
  /** Adds a row; true when the buffer is full and should be flushed. */
  push(row: unknown[]): boolean {
    this.rows.push(row);
    return this.rows.length >= TX_ROWS;
  }
  get pending(): number {
    return this.rows.length;
  }
  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    await this.writer.write(this.table, this.columns, rows);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary (made up here; nothing is downloaded)

const FIRST = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Emma',
  'Felix',
  'Greta',
  'Hannah',
  'Ivan',
  'Julia',
  'Karim',
  'Lena',
  'Max',
  'Nora',
  'Oskar',
  'Paula',
  'Quentin',
  'Rosa',
  'Samuel',
  'Tara',
  'Uwe',
  'Vera',
  'Willi',
  'Xenia',
  'Yusuf',
  'Zoe',
  'Ahmet',
  'Birgit',
  'Carlos',
  'Dana',
  'Elias',
  'Frieda',
  'Georg',
  'Helena',
  'Ines',
  'Jonas',
  'Katja',
  'Lukas',
  'Mia',
  'Niklas',
  'Olga',
  'Peter',
  'Rita',
  'Sofia',
  'Timo',
  'Ursula',
  'Viktor',
  'Wiebke',
  'Aylin',
  'Bernd',
  'Chiara',
  'Dirk',
  'Elif',
  'Fabian',
  'Gabi',
  'Henrik',
  'Ida',
  'Jakob',
  'Karla',
  'Leon',
];
const LAST = [
  'Schneider',
  'Weber',
  'Fischer',
  'Becker',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Krause',
  'Meier',
  'Lehmann',
  'Schmid',
  'Schulz',
  'Maier',
  'Herrmann',
  'Walter',
  'Mayer',
  'Peters',
  'Fuchs',
  'Vogel',
  'Jung',
  'Keller',
  'Berger',
  'Frank',
  'Kaiser',
  'Lorenz',
  'Baumann',
  'Albrecht',
  'Simon',
  'Ludwig',
  'Winter',
  'Kraus',
  'Martin',
  'Vogt',
  'Stein',
  'Otto',
  'Sommer',
  'Graf',
  'Brandt',
  'Haas',
  'Dietrich',
  'Kuhn',
  'Pohl',
  'Engel',
  'Horn',
  'Busch',
  'Bergmann',
  'Yilmaz',
  'Kaya',
  'Nowak',
  'Rossi',
  'Garcia',
  'Novak',
];
const DEPARTMENTS: Array<{ name: string; titles: string[]; skills: string[] }> = [
  { name: 'Vertrieb', titles: ['Account Manager', 'Key Account Manager', 'Vertriebsinnendienst'], skills: ['CRM', 'Verhandlung', 'Angebote', 'Messen'] },
  { name: 'Kundenservice', titles: ['Kundenberater', 'Teamleitung Support', 'Qualitätsmanagement'], skills: ['Zendesk', 'Deeskalation', 'Telefon'] },
  { name: 'IT', titles: ['Softwareentwickler', 'Systemadministrator', 'IT-Support'], skills: ['TypeScript', 'Linux', 'PostgreSQL', 'Netzwerke'] },
  { name: 'Personal', titles: ['Personalreferentin', 'Recruiter', 'Ausbildungsleitung'], skills: ['Recruiting', 'Onboarding', 'Arbeitsrecht'] },
  { name: 'Marketing', titles: ['Content-Redaktion', 'Grafikdesign', 'Online-Marketing'], skills: ['SEO', 'Social Media', 'Kampagnen'] },
  { name: 'Finanzen', titles: ['Controller', 'Buchhaltung', 'Einkauf'], skills: ['DATEV', 'Controlling', 'Excel'] },
  { name: 'Produktion', titles: ['Schichtleitung', 'Fertigungsplanung', 'Instandhaltung'], skills: ['Lean', 'SAP', 'Arbeitssicherheit'] },
  { name: 'Logistik', titles: ['Disposition', 'Lagerleitung', 'Versand'], skills: ['Tourenplanung', 'Zoll', 'Gabelstapler'] },
];
const LOCATIONS = ['Berlin', 'Hamburg', 'München', 'Leipzig', 'Köln', 'Remote'];
const GROUP_KINDS = ['Team', 'Projekt', 'Stammtisch', 'Arbeitskreis', 'Community', 'Runde'];
const GROUP_TOPICS = [
  'Falke',
  'Nordstern',
  'Umzug 2027',
  'CRM-Einführung',
  'Laufgruppe',
  'Buchclub',
  'Nachhaltigkeit',
  'Azubis',
  'Sicherheit',
  'Messe',
  'Release',
  'Kaffee',
  'Qualität',
  'Onboarding',
  'Datenschutz',
  'Innovation',
  'Gesundheit',
  'Fotografie',
  'Ehrenamt',
  'Kantine',
];
const TAGS = [
  'onboarding',
  'vertrieb',
  'it',
  'sicherheit',
  'personal',
  'events',
  'kundenservice',
  'marketing',
  'release',
  'teamwork',
  'kudos',
  'mittag',
  'remote',
  'schulung',
  'nachhaltigkeit',
];
const OPENERS = ['Kurzes Update:', 'Heads-up:', 'Gute Nachrichten!', 'Erinnerung:', 'Frage an alle:', 'FYI:', 'Wochenrückblick:', 'Danke an das Team:', 'Neu:'];
const SUBJECTS = [
  'die CRM-Einführung',
  'unsere Kundenumfrage',
  'die Quartalszahlen',
  'der Büroumzug',
  'das Sommerfest',
  'die Onboarding-Checkliste',
  'Version 2.4',
  'der Schulungsplan',
  'die Parkplatzregelung',
  'die Kaffeemaschine im 3. OG',
  'das neue Ticketsystem',
  'die Messe in Hannover',
  'der Dienstplan',
  'die Urlaubsplanung',
  'das Datenschutz-Training',
];
const PREDICATES = [
  'läuft nach Plan',
  'braucht noch ein paar Freiwillige',
  'war ein voller Erfolg',
  'verschiebt sich um eine Woche',
  'ist auf Donnerstag verlegt',
  'ist offen für Feedback',
  'ist ab sofort im Wiki',
  'hat ein paar offene Fragen',
  'startet nächsten Montag',
];
const SECOND = [
  'Die Details stehen im Wiki.',
  'Meldet euch bei Fragen gern direkt bei mir.',
  'Wir sprechen im nächsten Jour fixe darüber.',
  'Bitte tragt euch bis Freitag ein.',
  'Danke für die vielen Rückmeldungen!',
  'Die Präsentation hänge ich später an.',
  '',
];
const COMMENTS = [
  'Super, danke!',
  'Klingt gut.',
  'Bin dabei.',
  'Gibt es dazu schon einen Termin?',
  'Danke für die Info!',
  'Sehr hilfreich.',
  'Wer ist Ansprechpartner?',
  'Top, weiter so!',
  'Das hatte ich auch schon bemerkt.',
  'Kann ich bestätigen.',
  'Ich schaue es mir morgen an.',
  'Gute Idee!',
  '👍',
];
const CHAT = [
  'Hast du kurz Zeit?',
  'Ja, passt.',
  'Ich rufe dich gleich an.',
  'Danke dir!',
  'Bis später.',
  'Kannst du mir die Datei schicken?',
  'Erledigt.',
  'Kommst du zum Meeting?',
  'Bin in 5 Minuten da.',
  'Guten Morgen!',
  'Schönes Wochenende!',
  'Alles klar.',
  'Ich kümmere mich darum.',
];
const REACTION_KINDS: Array<[string, number]> = [
  ['like', 0.6],
  ['love', 0.75],
  ['haha', 0.85],
  ['wow', 0.92],
  ['sad', 0.97],
  ['angry', 1],
];
const EMOJI = ['👍', '❤️', '😂', '🎉', '🙏'];

function reactionKind(rng: Rng): string {
  const u = rng.next();
  for (const [kind, upTo] of REACTION_KINDS) if (u < upTo) return kind;
  return 'like';
}

function postBody(rng: Rng): string {
  let body = `${rng.pick(OPENERS)} ${rng.pick(SUBJECTS)} ${rng.pick(PREDICATES)}. ${rng.pick(SECOND)}`.trim();
  if (rng.chance(0.35)) body += ` #${rng.pick(TAGS)}`;
  if (rng.chance(0.1)) body += ` #${rng.pick(TAGS)}`;
  return body;
}

function slugify(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------------------------------------
// Sampling helpers

/** Cumulative weights → index by binary search (weighted choice in O(log n)). */
function cumulative(weights: ArrayLike<number>): Float64Array {
  const c = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i] as number;
    c[i] = s;
  }
  return c;
}

function sampleCum(cum: Float64Array, rng: Rng): number {
  const x = rng.next() * (cum[cum.length - 1] as number);
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cum[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** k distinct indexes out of [0, n). */
function pickDistinct(rng: Rng, n: number, k: number): number[] {
  k = Math.min(k, n);
  if (k * 2 <= n) {
    const seen = new Set<number>();
    while (seen.size < k) seen.add(rng.int(n));
    return [...seen];
  }
  const all = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  return all.slice(0, k);
}

/** n sorted integer timestamps, uniform in [from, to). */
function sortedTimes(rng: Rng, n: number, from: number, to: number): Float64Array {
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = Math.floor(from + rng.next() * (to - from));
  return t.sort();
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

// Stream tags: each stage draws from its own stream, so changing one stage leaves the others as they were.
const Tag = {
  Users: 1,
  Groups: 2,
  Follows: 3,
  Posts: 4,
  PostId: 5,
  Comments: 6,
  CommentId: 7,
  CommentBody: 8,
  Reactions: 9,
  Chats: 10,
  MessageId: 11,
  Messages: 12,
} as const;
type Tag = (typeof Tag)[keyof typeof Tag];

// ---------------------------------------------------------------------------------------------------------

/**
 * Fills an empty, migrated database with a generated company. Deterministic for a given seed (and `now`).
 * Throws when the database has users already.
 */
export async function generateCompany(db: Db, options: GenerateOptions): Promise<GeneratedCompany> {
  const t0 = performance.now();
  const spec = SCALES[options.scale];
  const seed = (options.seed ?? 1) >>> 0;
  const end = options.now?.getTime() ?? Date.now();
  const start = end - 365 * DAY;
  const progress = options.onProgress ?? (() => {});
  const rngFor = (tag: Tag) => new Rng(mix(seed, tag));
  const idOf = (tag: Tag, i: number, ms: number) => v7(ms, mix(seed, tag, i, 1), mix(seed, tag, i, 2), mix(seed, tag, i, 3));

  const existing = await db.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) throw new Error('generateCompany needs an empty database (users exist already)');

  // SQLite, for this run only: no fsync per commit (a crash means generating again) and a larger page
  // cache, so the secondary indexes of millions of rows stay in memory.
  let restore: { synchronous: number; cache_size: number } | null = null;
  if (db.dialect === 'sqlite') {
    const sync = (await sql<{ synchronous: number }>`pragma synchronous`.execute(db.db)).rows[0];
    const cache = (await sql<{ cache_size: number }>`pragma cache_size`.execute(db.db)).rows[0];
    restore = { synchronous: sync?.synchronous ?? 1, cache_size: cache?.cache_size ?? -2000 };
    await sql`pragma synchronous = OFF`.execute(db.db);
    await sql`pragma cache_size = -262144`.execute(db.db);
  }
  try {
    const w = new BulkWriter(db);
    const result = await fill(db, w, spec, { seed, start, end, progress, rngFor, idOf, scale: options.scale, emails: options.emails ?? 50 });
    if (db.dialect === 'pg') {
      // A company's database has planner statistics (autovacuum keeps them); a freshly bulk-loaded one has none
      // until autovacuum gets round to it, and without them PostgreSQL plans sequential scans of millions of rows.
      progress('analyze', 0, 1);
      await sql`vacuum analyze`.execute(db.db);
      progress('analyze', 1, 1);
    }
    return { ...result, counts: { ...w.counts }, durationMs: Math.round(performance.now() - t0) };
  } finally {
    if (restore) {
      await sql.raw(`pragma synchronous = ${Number(restore.synchronous)}`).execute(db.db);
      await sql.raw(`pragma cache_size = ${Number(restore.cache_size)}`).execute(db.db);
    }
  }
}

interface FillContext {
  seed: number;
  emails: number;
  scale: Scale;
  start: number;
  end: number;
  progress: (stage: string, done: number, total: number) => void;
  rngFor: (tag: Tag) => Rng;
  idOf: (tag: Tag, i: number, ms: number) => string;
}

async function fill(db: Db, w: BulkWriter, spec: ScaleSpec, f: FillContext): Promise<Omit<GeneratedCompany, 'counts' | 'durationMs'>> {
  const { start, end, progress, rngFor, idOf } = f;
  const N = spec.employees;

  // --- company settings, as setup writes them -----------------------------------------------------------
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  // --- people: index 0 is the admin, 1..N the employees ----------------------------------------------------
  const rng = rngFor(Tag.Users);
  const userCount = N + 1;
  const userIds: string[] = [];
  const emails: string[] = [];
  const taken = new Map<string, number>();
  const userDept = new Int32Array(userCount);
  const users = w.table('users', [
    'id',
    'name',
    'sort_name',
    'email',
    'email_verified',
    'image',
    'role',
    'status',
    'job_title',
    'department',
    'location',
    'phone',
    'about',
    'skills',
    'manager_id',
    'avatar_file_id',
    'cover_file_id',
    'locale',
    'theme',
    'deactivated_at',
    'last_seen_at',
    'email_paused_until',
    'time_zone',
    'digest_sent_on',
    'created_at',
    'updated_at',
  ]);
  const accounts = w.table('accounts', [
    'id',
    'account_id',
    'provider_id',
    'user_id',
    'access_token',
    'refresh_token',
    'id_token',
    'access_token_expires_at',
    'refresh_token_expires_at',
    'scope',
    'password',
    'created_at',
    'updated_at',
  ]);
  const fts = w.table('people_fts', ['user_id', 'content']);
  const deptHead = new Int32Array(DEPARTMENTS.length).fill(-1);
  const flushUsers = async () => {
    await users.flush();
    await accounts.flush();
    await fts.flush();
    progress('people', userIds.length, userCount);
  };
  for (let i = 0; i < userCount; i++) {
    const admin = i === 0;
    const first = admin ? 'Ada' : rng.pick(FIRST);
    const last = admin ? 'Admin' : rng.pick(LAST);
    const name = `${first} ${last}`;
    const base = admin ? 'admin' : slugify(`${first}.${last}`).replace(/-/g, '.');
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    const email = `${base}${n > 1 ? n : ''}@${BENCH_DOMAIN}`;
    const createdMs = admin ? start - 400 * DAY : Math.floor(start - 399 * DAY + rng.next() * 29 * DAY);
    const dept = admin ? 0 : rng.int(DEPARTMENTS.length);
    const d = DEPARTMENTS[dept] as (typeof DEPARTMENTS)[number];
    const jobTitle = admin ? 'IT-Administration' : rng.pick(d.titles);
    const location = rng.pick(LOCATIONS);
    const skills = admin ? ['Administration'] : pickDistinct(rng, d.skills.length, 1 + rng.int(2)).map((k) => d.skills[k] as string);
    let manager: string | null = null;
    if (!admin) {
      const head = deptHead[dept] as number;
      if (head < 0) {
        deptHead[dept] = i;
        manager = userIds[0] as string;
      } else manager = userIds[head] as string;
    }
    const id = idOf(Tag.Users, i, createdMs);
    const at = iso(createdMs);
    userIds.push(id);
    emails.push(email);
    userDept[i] = dept;
    users.push([
      id,
      name,
      name.toLowerCase(),
      email,
      1,
      null,
      admin ? 'admin' : 'member',
      'active',
      jobTitle,
      d.name,
      location,
      admin ? null : `+49 30 ${100000 + i}`,
      null,
      JSON.stringify(skills),
      manager,
      null,
      null,
      rng.chance(0.2) ? 'en' : null,
      'system',
      null,
      null,
      null,
      null,
      null,
      at,
      at,
    ]);
    accounts.push([`${id}-credential`, id, 'credential', id, null, null, null, null, null, null, passwordHash, at, at]);
    // The same text users/repository.ts indexes for a person.
    fts.push([id, [name, jobTitle, d.name, location, ...skills].filter(Boolean).join(' \u2022 ')]);
    if (users.pending >= CHUNK_ROWS * 4) await flushUsers();
  }
  await flushUsers();
  const adminId = userIds[0] as string;
  await db.transaction(async (tx) => {
    await settings.markSetupDone(tx.db);
    await settings.setCompany(tx.db, { ...settings.DEFAULTS, companyName: 'Benchmark AG', defaultLocale: 'de' });
    await audit(tx.db, { actorId: adminId, action: 'setup.completed', ip: '127.0.0.1' });
  });

  // --- groups: a company-wide one, then many small and a few large ------------------------------------------
  const grng = rngFor(Tag.Groups);
  const G = spec.groups;
  const groupIds: string[] = [];
  const groupVis: Array<'public' | 'private' | 'secret'> = [];
  const groupMembers: Int32Array[] = [];
  const groupMs = new Float64Array(G);
  const groups = w.table('groups', [
    'id',
    'slug',
    'name',
    'sort_name',
    'description',
    'welcome_text',
    'visibility',
    'join_policy',
    'cover_file_id',
    'created_by',
    'archived_at',
    'created_at',
    'updated_at',
  ]);
  const members = w.table('group_members', ['group_id', 'user_id', 'role', 'joined_at']);
  const slugs = new Set<string>();
  const maxSize = Math.max(4, Math.floor(N * 0.5));
  for (let g = 0; g < G; g++) {
    const size = g === 0 ? Math.floor(N * 0.8) : Math.min(N, Math.round(4 * (maxSize / 4) ** (grng.next() ** 2)));
    const vis: 'public' | 'private' | 'secret' =
      g === 0 ? 'public' : g === 1 ? 'private' : g === 2 ? 'secret' : grng.chance(0.6) ? 'public' : grng.chance(0.7) ? 'private' : 'secret';
    let name = g === 0 ? 'Alle Mitarbeitenden' : `${grng.pick(GROUP_KINDS)} ${grng.pick(GROUP_TOPICS)}`;
    let slug = slugify(name);
    for (let k = 2; slugs.has(slug); k++) slug = `${slugify(name)}-${k}`;
    if (slug !== slugify(name)) name = `${name} ${slug.split('-').pop()}`;
    slugs.add(slug);
    const ms = Math.floor(start - grng.next() * 30 * DAY);
    const id = idOf(Tag.Groups, g, ms);
    const at = iso(ms);
    const chosen = pickDistinct(grng, N, size).map((k) => k + 1);
    const owner = chosen[0] as number;
    groups.push([
      id,
      slug,
      name,
      name.toLowerCase(),
      `Die Gruppe ${name}.`,
      null,
      vis,
      vis === 'public' ? 'open' : vis === 'private' ? 'request' : 'invite',
      null,
      userIds[owner],
      null,
      at,
      at,
    ]);
    const mods = size > 30 ? 2 : size > 10 ? 1 : 0;
    chosen.forEach((u, k) => {
      members.push([id, userIds[u], k === 0 ? 'owner' : k <= mods ? 'moderator' : 'member', at]);
    });
    groupIds.push(id);
    groupVis.push(vis);
    groupMembers.push(Int32Array.from(chosen));
    groupMs[g] = ms;
    if (members.pending >= TX_ROWS) {
      await groups.flush();
      await members.flush();
    }
    progress('groups', g + 1, G);
  }
  await groups.flush();
  await members.flush();

  // --- follows: each person follows ~20 colleagues, some follow a hashtag -----------------------------------
  const frng = rngFor(Tag.Follows);
  const follows = w.table('follows', ['follower_id', 'target_type', 'target', 'created_at']);
  const followAt = iso(start);
  for (let u = 1; u <= N; u++) {
    const k = Math.min(N - 1, 15 + frng.int(11));
    for (const other of pickDistinct(frng, N - 1, k)) {
      const target = other + 1 >= u ? other + 2 : other + 1; // skips u itself
      follows.push([userIds[u], 'user', userIds[target], followAt]);
    }
    if (frng.chance(0.25)) follows.push([userIds[u], 'hashtag', frng.pick(TAGS), followAt]);
    if (follows.pending >= TX_ROWS) await follows.flush();
    if (u % 500 === 0 || u === N) progress('follows', u, N);
  }
  await follows.flush();

  // --- posts: profile, group (by a member), a few company announcements ---------------------------------------
  const prng = rngFor(Tag.Posts);
  const P = spec.posts;
  const postMs = sortedTimes(prng, P, start, end - HOUR);
  const postGroup = new Int32Array(P).fill(-1);
  const postAudience = new Uint8Array(P); // 0 profile, 1 group, 2 company
  const activity = new Float64Array(N);
  for (let u = 0; u < N; u++) activity[u] = 0.2 + prng.next() ** 3 * 5;
  const activityCum = cumulative(activity);
  const groupCum = cumulative(Array.from(groupMembers, (m) => m.length ** 0.7));
  const pCompany = Math.max(0.002, 3 / P);
  // A profile post in the middle of the year: room for its 60 comments, readable by everyone.
  const hotPost = Math.floor(P / 2);
  const posts = w.table('posts', [
    'id',
    'author_id',
    'audience',
    'group_id',
    'body',
    'mentions',
    'shared_post_id',
    'link_preview',
    'announcement',
    'requires_confirmation',
    'featured_until',
    'reminded_at',
    'comments_disabled',
    'pinned_at',
    'created_at',
    'edited_at',
    'deleted_at',
  ]);
  const hashtags = w.table('post_hashtags', ['post_id', 'tag']);
  const postIdOf = (i: number) => idOf(Tag.PostId, i, postMs[i] as number);
  for (let i = 0; i < P; i++) {
    const u = prng.next();
    let audience = i === hotPost ? 0 : u < pCompany ? 2 : u < 0.4 ? 0 : 1;
    let author: number;
    let group = -1;
    if (audience === 1) {
      group = sampleCum(groupCum, prng);
      const m = groupMembers[group] as Int32Array;
      if (m.length === 0) audience = 0;
      author = m.length ? (m[prng.int(m.length)] as number) : 1 + sampleCum(activityCum, prng);
      if (audience === 0) group = -1;
    } else author = audience === 2 ? 0 : 1 + sampleCum(activityCum, prng);
    postAudience[i] = audience;
    postGroup[i] = group;
    const id = postIdOf(i);
    const body = postBody(prng);
    posts.push([
      id,
      userIds[author],
      audience === 0 ? 'profile' : audience === 1 ? 'group' : 'company',
      group >= 0 ? groupIds[group] : null,
      body,
      null,
      null,
      null,
      audience === 2 ? 1 : 0,
      0,
      null,
      null,
      0,
      null,
      iso(postMs[i] as number),
      null,
      null,
    ]);
    for (const tag of hashtagsIn(body)) hashtags.push([id, tag]);
    if (posts.pending >= TX_ROWS) {
      await posts.flush();
      await hashtags.flush();
      progress('posts', i + 1, P);
    }
  }
  await posts.flush();
  await hashtags.flush();
  progress('posts', P, P);

  /** Who may read post i: every employee, or (private and secret groups) the group's members. */
  const readersOf = (i: number): { size: number; at: (k: number) => number } => {
    const g = postGroup[i] as number;
    if (g >= 0 && groupVis[g] !== 'public') {
      const m = groupMembers[g] as Int32Array;
      return { size: m.length, at: (k) => m[k] as number };
    }
    return { size: N, at: (k) => k + 1 };
  };

  // --- comments: heavy-tailed per post, a quarter are replies; inserted in id (time) order ---------------------
  const crng = rngFor(Tag.Comments);
  const HOT_COMMENTS = 60;
  const C = Math.max(spec.comments, HOT_COMMENTS);
  const perPost = new Int32Array(P);
  {
    const weights = new Float64Array(P);
    for (let i = 0; i < P; i++) weights[i] = crng.next() ** 4;
    const cum = cumulative(weights);
    perPost[hotPost] = HOT_COMMENTS;
    for (let k = HOT_COMMENTS; k < C; k++) {
      const i = sampleCum(cum, crng);
      perPost[i] = (perPost[i] as number) + 1;
    }
  }
  const cMs = new Float64Array(C);
  const cPost = new Int32Array(C);
  const cAuthor = new Int32Array(C);
  const cParent = new Int32Array(C);
  {
    let k = 0;
    for (let i = 0; i < P; i++) {
      const n = perPost[i] as number;
      if (n === 0) continue;
      const times: number[] = [];
      for (let j = 0; j < n; j++) times.push(Math.min(end - 1, Math.floor((postMs[i] as number) + 60_000 + -Math.log(1 - crng.next()) * 6 * HOUR)));
      times.sort((a, b) => a - b);
      const readers = readersOf(i);
      const tops: number[] = [];
      for (let j = 0; j < n; j++) {
        cMs[k] = times[j] as number;
        cPost[k] = i;
        cAuthor[k] = readers.at(crng.int(readers.size));
        // The hot post keeps its 60 at the top level, so its first page is full.
        const reply = i !== hotPost && tops.length > 0 && crng.chance(0.25);
        cParent[k] = reply ? (tops[crng.int(tops.length)] as number) : -1;
        if (!reply) tops.push(k);
        k++;
      }
    }
  }
  const commentIdOf = (k: number) => idOf(Tag.CommentId, k, cMs[k] as number);
  {
    const order = Uint32Array.from({ length: C }, (_, k) => k).sort((a, b) => (cMs[a] as number) - (cMs[b] as number) || a - b);
    const comments = w.table('comments', ['id', 'post_id', 'parent_id', 'author_id', 'body', 'mentions', 'created_at', 'edited_at', 'deleted_at']);
    const postIds = new Map<number, string>();
    for (let n = 0; n < C; n++) {
      const k = order[n] as number;
      const p = cPost[k] as number;
      let pid = postIds.get(p);
      if (!pid) {
        pid = postIdOf(p);
        if (postIds.size > 100_000) postIds.clear();
        postIds.set(p, pid);
      }
      const parent = cParent[k] as number;
      const body = COMMENTS[mix(f.seed, Tag.CommentBody, k) % COMMENTS.length] as string;
      comments.push([
        commentIdOf(k),
        pid,
        parent >= 0 ? commentIdOf(parent) : null,
        userIds[cAuthor[k] as number],
        body,
        null,
        iso(cMs[k] as number),
        null,
        null,
      ]);
      if (comments.pending >= TX_ROWS) {
        await comments.flush();
        progress('comments', n + 1, C);
      }
    }
    await comments.flush();
    progress('comments', C, C);
  }

  // --- reactions: one per person and subject, by people who can read the post --------------------------------
  const rrng = rngFor(Tag.Reactions);
  const R = spec.reactions;
  const reactions = w.table('reactions', ['subject_type', 'subject_id', 'user_id', 'kind', 'created_at']);
  let reactionsDone = 0;
  const allocate = (n: number, total: number, cap: (i: number) => number): Int32Array => {
    const counts = new Int32Array(n);
    const weights = new Float64Array(n);
    for (let i = 0; i < n; i++) weights[i] = rrng.next() ** 3;
    const cum = cumulative(weights);
    let placed = 0;
    for (let tries = 0; placed < total && tries < total * 3; tries++) {
      const i = sampleCum(cum, rrng);
      if ((counts[i] as number) < cap(i)) {
        counts[i] = (counts[i] as number) + 1;
        placed++;
      }
    }
    return counts;
  };
  const emitReactions = async (type: 'post' | 'comment', subjectId: string, subjectMs: number, post: number, k: number) => {
    const readers = readersOf(post);
    for (const r of pickDistinct(rrng, readers.size, k)) {
      const ms = Math.min(end - 1, Math.floor(subjectMs + 30_000 + -Math.log(1 - rrng.next()) * 12 * HOUR));
      reactions.push([type, subjectId, userIds[readers.at(r)], reactionKind(rrng), iso(ms)]);
    }
    reactionsDone += k;
    if (reactions.pending >= TX_ROWS) {
      await reactions.flush();
      progress('reactions', reactionsDone, R);
    }
  };
  const postReactions = allocate(P, Math.round(R * 0.7), (i) => readersOf(i).size);
  for (let i = 0; i < P; i++) {
    const k = postReactions[i] as number;
    if (k > 0) await emitReactions('post', postIdOf(i), postMs[i] as number, i, k);
  }
  const commentReactions = allocate(C, R - Math.round(R * 0.7), (k) => readersOf(cPost[k] as number).size);
  for (let k = 0; k < C; k++) {
    const n = commentReactions[k] as number;
    if (n > 0) await emitReactions('comment', commentIdOf(k), cMs[k] as number, cPost[k] as number, n);
  }
  await reactions.flush();
  progress('reactions', reactionsDone, R);

  // --- chat: workgroup rooms, group chats, direct chats; messages in time order ----------------------------------
  const mrng = rngFor(Tag.Chats);
  const K = spec.conversations;
  const convKind: Array<'direct' | 'group' | 'room'> = [];
  const convMembers: Int32Array[] = [];
  const convGroup: number[] = [];
  const directKeys = new Set<string>();
  const roomCount = Math.min(Math.ceil(G / 2), Math.floor(K / 10));
  for (let g = 0; g < roomCount; g++) {
    convKind.push('room');
    convMembers.push(groupMembers[g * 2] as Int32Array);
    convGroup.push(g * 2);
  }
  while (convKind.length < K) {
    if (mrng.chance(0.12) && N >= 4) {
      const size = 3 + mrng.int(Math.min(6, N - 2));
      convKind.push('group');
      convMembers.push(Int32Array.from(pickDistinct(mrng, N, size).map((u) => u + 1)));
      convGroup.push(-1);
    } else {
      const [a, b] = pickDistinct(mrng, N, 2).map((u) => u + 1) as [number, number];
      const key = [userIds[a], userIds[b]].sort().join(':');
      if (directKeys.has(key)) {
        if (directKeys.size >= (N * (N - 1)) / 2) break;
        continue;
      }
      directKeys.add(key);
      convKind.push('direct');
      convMembers.push(Int32Array.of(a, b));
      convGroup.push(-1);
    }
  }
  const K2 = convKind.length;
  const Mn = spec.messages;
  const msgMs = sortedTimes(mrng, Mn, start, end - 1);
  const msgConv = new Int32Array(Mn);
  const msgAuthor = new Int32Array(Mn);
  const convCount = new Int32Array(K2);
  const convLast = new Int32Array(K2).fill(-1);
  const convFirst = new Int32Array(K2).fill(-1);
  {
    const cum = cumulative(Array.from({ length: K2 }, () => 0.05 + mrng.next() ** 2));
    for (let i = 0; i < Mn; i++) {
      const c = sampleCum(cum, mrng);
      const m = convMembers[c] as Int32Array;
      msgConv[i] = c;
      msgAuthor[i] = m[mrng.int(m.length)] as number;
      convCount[c] = (convCount[c] as number) + 1;
      if (convFirst[c] === -1) convFirst[c] = i;
      convLast[c] = i;
    }
  }
  // Some people have not read the last fifth of a conversation.
  const convRead = new Int32Array(K2).fill(-1);
  {
    const seen = new Int32Array(K2);
    for (let i = 0; i < Mn; i++) {
      const c = msgConv[i] as number;
      seen[c] = (seen[c] as number) + 1;
      if (seen[c] === Math.ceil((convCount[c] as number) * 0.8)) convRead[c] = i;
    }
  }
  const messageIdOf = (i: number) => idOf(Tag.MessageId, i, msgMs[i] as number);
  const convIds: string[] = [];
  {
    const conversations = w.table('conversations', [
      'id',
      'kind',
      'title',
      'direct_key',
      'created_by',
      'group_id',
      'photo_id',
      'last_message_at',
      'created_at',
    ]);
    const cmembers = w.table('conversation_members', ['conversation_id', 'user_id', 'last_read_message_id', 'joined_at', 'muted', 'marked_unread']);
    for (let c = 0; c < K2; c++) {
      const kind = convKind[c] as 'direct' | 'group' | 'room';
      const m = convMembers[c] as Int32Array;
      const first = convFirst[c] as number;
      const g = convGroup[c] as number;
      const createdMs =
        kind === 'room' ? (groupMs[g] as number) : first >= 0 ? (msgMs[first] as number) - 1000 : Math.floor(start + mrng.next() * (end - start));
      const last = convLast[c] as number;
      const id = idOf(Tag.Chats, c, createdMs);
      convIds.push(id);
      const at = iso(createdMs);
      conversations.push([
        id,
        kind,
        kind === 'group' ? `${mrng.pick(GROUP_KINDS)} ${mrng.pick(GROUP_TOPICS)}` : null,
        kind === 'direct' ? [userIds[m[0] as number], userIds[m[1] as number]].sort().join(':') : null,
        userIds[m[0] as number],
        kind === 'room' ? groupIds[g] : null,
        null,
        last >= 0 ? iso(msgMs[last] as number) : at,
        at,
      ]);
      for (const u of m) {
        const x = mrng.next();
        const read = last < 0 ? null : x < 0.75 ? messageIdOf(last) : x < 0.95 && (convRead[c] as number) >= 0 ? messageIdOf(convRead[c] as number) : null;
        cmembers.push([id, userIds[u], read, at, 0, 0]);
      }
      if (cmembers.pending >= TX_ROWS) {
        await conversations.flush();
        await cmembers.flush();
        progress('conversations', c + 1, K2);
      }
    }
    await conversations.flush();
    await cmembers.flush();
    progress('conversations', K2, K2);
  }
  {
    const msgRng = rngFor(Tag.Messages);
    const messages = w.table('messages', [
      'id',
      'conversation_id',
      'author_id',
      'client_id',
      'body',
      'reply_to_id',
      'created_at',
      'edited_at',
      'deleted_at',
      'mentions',
      'system',
    ]);
    const mreactions = w.table('message_reactions', ['message_id', 'user_id', 'emoji', 'created_at']);
    for (let i = 0; i < Mn; i++) {
      const c = msgConv[i] as number;
      const author = msgAuthor[i] as number;
      const id = messageIdOf(i);
      const at = iso(msgMs[i] as number);
      messages.push([id, convIds[c], userIds[author], `bench-${i}`, msgRng.pick(CHAT), null, at, null, null, null, null]);
      if (msgRng.chance(0.03)) {
        const m = convMembers[c] as Int32Array;
        const reactor = m[msgRng.int(m.length)] as number;
        if (reactor !== author) mreactions.push([id, userIds[reactor], msgRng.pick(EMOJI), at]);
      }
      if (messages.pending >= TX_ROWS) {
        await messages.flush();
        await mreactions.flush();
        progress('messages', i + 1, Mn);
      }
    }
    await messages.flush();
    await mreactions.flush();
    progress('messages', Mn, Mn);
  }

  // --- what the benchmark needs --------------------------------------------------------------------------------
  const srng = new Rng(mix(f.seed, 999));
  const sampleGroups = groupIds.slice(0, 20).map((id, g) => {
    const m = groupMembers[g] as Int32Array;
    return {
      id,
      visibility: groupVis[g] as 'public' | 'private' | 'secret',
      memberCount: m.length,
      memberEmails: Array.from(m.slice(0, 5), (u) => emails[u] as string),
    };
  });
  let secretGroup: GeneratedCompany['secretGroup'] = null;
  for (let g = 0; g < G && !secretGroup; g++) {
    if (groupVis[g] !== 'secret') continue;
    let hasPost = false;
    for (let i = 0; i < P && !hasPost; i++) hasPost = postGroup[i] === g;
    const inGroup = new Set(groupMembers[g] as Int32Array);
    let outsider = -1;
    for (let u = 1; u <= N && outsider < 0; u++) if (!inGroup.has(u)) outsider = u;
    if (hasPost && outsider > 0) secretGroup = { id: groupIds[g] as string, nonMemberEmail: emails[outsider] as string };
  }
  let directPair: GeneratedCompany['directPair'] = null;
  for (let c = 0; c < K2 && !directPair; c++) {
    if (convKind[c] !== 'direct' || (convCount[c] as number) < 3) continue;
    const m = convMembers[c] as Int32Array;
    directPair = { conversationId: convIds[c] as string, emails: [emails[m[0] as number] as string, emails[m[1] as number] as string] };
  }
  const memberEmails = pickDistinct(srng, N, Math.min(f.emails, N)).map((u) => emails[u + 1] as string);
  return {
    scale: f.scale,
    seed: f.seed,
    password: BENCH_PASSWORD,
    adminEmail: emails[0] as string,
    memberEmails,
    groups: sampleGroups,
    secretGroup,
    hotPostId: postIdOf(hotPost),
    directPair,
  };
}
