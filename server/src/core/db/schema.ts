import type {
  ConversationMembersTable,
  ConversationsTable,
  MessageAttachmentsTable,
  MessageReactionsTable,
  MessagesTable,
} from '../../features/chat/tables.js';
import type {
  CalendarFeedsTable,
  EventInviteesTable,
  EventOverridesTable,
  EventRemindersTable,
  EventRsvpsTable,
  EventsTable,
} from '../../features/events/tables.js';
import type {
  CommentsTable,
  FollowsTable,
  PostAttachmentsTable,
  PostConfirmationsTable,
  PostHashtagsTable,
  PostReportsTable,
  PostsTable,
  PostVersionsTable,
  ReactionsTable,
  SavedPostsTable,
} from '../../features/feed/tables.js';
import type { GroupMembersTable, GroupRequestsTable, GroupsTable } from '../../features/groups/tables.js';
import type {
  EscalationEditorsTable,
  EscalationHolidaysTable,
  EscalationStepsTable,
  EscalationsTable,
  EscalationTopicsTable,
  EscalationTopicVersionsTable,
} from '../../features/escalation/tables.js';
import type { InvitationsTable } from '../../features/invitations/tables.js';
import type { PollBallotsTable, PollOptionsTable, PollParticipantsTable, PollsTable, PollVotesTable } from '../../features/polls/tables.js';
import type { NotificationReceiptsTable, NotificationSettingsTable, NotificationsTable } from '../../features/notifications/tables.js';
import type { SettingsTable } from '../../features/settings/tables.js';
import type { PeopleFtsTable, UsersTable } from '../../features/users/tables.js';
import type {
  WorkshopCommentsTable,
  WorkshopEntriesTable,
  WorkshopParticipantsTable,
  WorkshopScenariosTable,
  WorkshopScoresTable,
  WorkshopSessionsTable,
} from '../../features/workshops/tables.js';
import type {
  AccountsTable,
  AuditLogTable,
  FilesTable,
  JobsTable,
  MailMessagesTable,
  OutboxEventsTable,
  SessionsTable,
  VerificationsTable,
} from './core-tables.js';

/** The whole schema, as Kysely sees it. Each feature declares its tables in its own tables.ts. */
export interface Database {
  users: UsersTable;
  people_fts: PeopleFtsTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  verifications: VerificationsTable;
  invitations: InvitationsTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  group_requests: GroupRequestsTable;
  conversations: ConversationsTable;
  conversation_members: ConversationMembersTable;
  messages: MessagesTable;
  message_attachments: MessageAttachmentsTable;
  message_reactions: MessageReactionsTable;
  posts: PostsTable;
  post_versions: PostVersionsTable;
  post_attachments: PostAttachmentsTable;
  post_hashtags: PostHashtagsTable;
  comments: CommentsTable;
  reactions: ReactionsTable;
  follows: FollowsTable;
  saved_posts: SavedPostsTable;
  post_confirmations: PostConfirmationsTable;
  post_reports: PostReportsTable;
  notifications: NotificationsTable;
  notification_receipts: NotificationReceiptsTable;
  notification_settings: NotificationSettingsTable;
  settings: SettingsTable;
  files: FilesTable;
  mail_messages: MailMessagesTable;
  outbox_events: OutboxEventsTable;
  events: EventsTable;
  event_invitees: EventInviteesTable;
  event_overrides: EventOverridesTable;
  event_rsvps: EventRsvpsTable;
  event_reminders: EventRemindersTable;
  calendar_feeds: CalendarFeedsTable;
  polls: PollsTable;
  poll_options: PollOptionsTable;
  poll_votes: PollVotesTable;
  poll_participants: PollParticipantsTable;
  poll_ballots: PollBallotsTable;
  workshop_scenarios: WorkshopScenariosTable;
  workshop_sessions: WorkshopSessionsTable;
  workshop_participants: WorkshopParticipantsTable;
  workshop_entries: WorkshopEntriesTable;
  workshop_scores: WorkshopScoresTable;
  workshop_comments: WorkshopCommentsTable;
  escalation_topics: EscalationTopicsTable;
  escalation_topic_versions: EscalationTopicVersionsTable;
  escalation_holidays: EscalationHolidaysTable;
  escalation_editors: EscalationEditorsTable;
  escalations: EscalationsTable;
  escalation_steps: EscalationStepsTable;
  jobs: JobsTable;
  audit_log: AuditLogTable;
}
