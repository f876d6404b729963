import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';
import * as foundation from './20261126T2140-foundation.js';
import * as groups from './20261126T2200-groups.js';
import * as directoryNewest from './20261126T2230-directory-newest.js';
import * as lastSeen from './20261126T2330-last-seen.js';
import * as chat from './20261126T2345-chat.js';
import * as chatRoomsAttachments from './20261127T0100-chat-rooms-attachments.js';
import * as feed from './20261127T0200-feed.js';
import * as announcementReminders from './20261127T0300-announcement-reminders.js';
import * as notifications from './20261127T0400-notifications.js';
import * as digests from './20261127T0500-digests.js';
import * as polls from './20261127T0600-polls.js';
import * as events from './20261127T0700-events.js';
import * as feedIndexes from './20261127T0800-feed-indexes.js';
import * as escalation from './20261127T0900-escalation.js';
import * as workshops from './20261127T1000-workshops.js';
import * as pgReadIndexes from './20261127T1100-pg-read-indexes.js';

export interface MigrationContext {
  dialect: Dialect;
}

export interface MigrationModule {
  up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void>;
  down(db: Kysely<unknown>, ctx: MigrationContext): Promise<void>;
}

/** Every migration, in order. Add new ones at the end; never reorder or rename. */
export const migrations: Record<string, MigrationModule> = {
  '20261126T2140-foundation': foundation,
  '20261126T2200-groups': groups,
  '20261126T2230-directory-newest': directoryNewest,
  '20261126T2330-last-seen': lastSeen,
  '20261126T2345-chat': chat,
  '20261127T0100-chat-rooms-attachments': chatRoomsAttachments,
  '20261127T0200-feed': feed,
  '20261127T0300-announcement-reminders': announcementReminders,
  '20261127T0400-notifications': notifications,
  '20261127T0500-digests': digests,
  '20261127T0600-polls': polls,
  '20261127T0700-events': events,
  '20261127T0800-feed-indexes': feedIndexes,
  '20261127T0900-escalation': escalation,
  '20261127T1000-workshops': workshops,
  '20261127T1100-pg-read-indexes': pgReadIndexes,
};
