import { Limits } from '@innenhof/contract';
import type { Executor } from '../../core/db/index.js';
import { now } from '../../core/ids.js';

export interface CompanyValues {
  companyName: string;
  accentColor: string;
  logoFileId: string | null;
  defaultLocale: 'de' | 'en';
  /** Group owners may invite external guests by e-mail. */
  guestsAllowed: boolean;
  /** Who may create groups. */
  groupCreation: 'everyone' | 'admins';
  /** Largest chat attachment, in MB. */
  chatAttachmentMaxMb: number;
  /** Largest post attachment, in MB. */
  postAttachmentMaxMb: number;
  /** Link previews under posts. */
  linkPreviews: boolean;
  /** Notification e-mails without content. */
  mailPrivacy: boolean;
  /** Intranet host names (canonical: lower case, ASCII) that link previews may fetch from private addresses. */
  linkPreviewAllowHosts: string[];
}

export const DEFAULTS: CompanyValues = {
  companyName: 'Innenhof',
  accentColor: '#1b74e4',
  logoFileId: null,
  defaultLocale: 'de',
  guestsAllowed: false,
  groupCreation: 'everyone',
  chatAttachmentMaxMb: Limits.chatAttachmentMbDefault,
  postAttachmentMaxMb: Limits.chatAttachmentMbDefault,
  linkPreviews: true,
  mailPrivacy: false,
  linkPreviewAllowHosts: [],
};

const KEY = 'company';

export async function getCompany(db: Executor): Promise<CompanyValues> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return { ...DEFAULTS, ...(row ? (JSON.parse(row.value) as Partial<CompanyValues>) : {}) };
}

export async function setCompany(db: Executor, values: CompanyValues): Promise<void> {
  const value = JSON.stringify(values);
  await db
    .insertInto('settings')
    .values({ key: KEY, value, updated_at: now() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now() }))
    .execute();
}

/** Marks setup as done; the primary key makes a second, concurrent setup fail. */
export async function markSetupDone(db: Executor): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: 'setup_completed', value: JSON.stringify(now()), updated_at: now() })
    .execute();
}

/** The communications team: people besides the admins who may post company-wide announcements. */
export async function getAnnouncers(db: Executor): Promise<string[]> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'announcers').executeTakeFirst();
  return row ? (JSON.parse(row.value) as string[]) : [];
}

export async function setAnnouncers(db: Executor, userIds: string[]): Promise<void> {
  const value = JSON.stringify(userIds);
  await db
    .insertInto('settings')
    .values({ key: 'announcers', value, updated_at: now() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now() }))
    .execute();
}
