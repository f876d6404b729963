import { type Static, Type } from 'typebox';
import { Id, Timestamp } from './common.js';
import { Limits } from './limits.js';
import { Event } from './events.js';
import { CreatePoll, Poll } from './polls.js';
import { UserSummary } from './users.js';

/** Facebook's six reactions; one per person per post or comment. */
export const ReactionKind = Type.Union([
  Type.Literal('like'),
  Type.Literal('love'),
  Type.Literal('haha'),
  Type.Literal('wow'),
  Type.Literal('sad'),
  Type.Literal('angry'),
]);
export type ReactionKind = Static<typeof ReactionKind>;
export const ReactionKinds = ['like', 'love', 'haha', 'wow', 'sad', 'angry'] as const;

/** Counts per reaction kind (only kinds with at least one), the total, and mine. */
export const ReactionSummary = Type.Object({
  total: Type.Integer(),
  counts: Type.Array(Type.Object({ kind: ReactionKind, count: Type.Integer() })),
  mine: Type.Union([ReactionKind, Type.Null()]),
});
export type ReactionSummary = Static<typeof ReactionSummary>;

/**
 * Who sees a post. There is no public or external audience anywhere: `profile` is every employee (the
 * author's timeline), `group` the group's members, `company` a company-wide announcement (admins and the
 * communications role).
 */
export const Audience = Type.Union([
  Type.Object({ kind: Type.Literal('profile') }),
  Type.Object({ kind: Type.Literal('group'), groupId: Id }),
  Type.Object({ kind: Type.Literal('company') }),
]);
export type Audience = Static<typeof Audience>;

/** The audience as a reader sees it, with words to show ("Sales North"). */
export const AudienceView = Type.Object({
  kind: Type.Union([Type.Literal('profile'), Type.Literal('group'), Type.Literal('company')]),
  group: Type.Union([Type.Object({ id: Id, slug: Type.String(), name: Type.String(), visibility: Type.String() }), Type.Null()]),
});

export const PostAttachment = Type.Object({
  id: Id,
  kind: Type.Union([Type.Literal('image'), Type.Literal('file')]),
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  url: Type.String(),
  thumbnailUrl: Type.Union([Type.String(), Type.Null()]),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
});
export type PostAttachment = Static<typeof PostAttachment>;

export const Comment = Type.Object({
  id: Id,
  postId: Id,
  /** A reply to this comment (one level). */
  parentId: Type.Union([Id, Type.Null()]),
  author: Type.Union([UserSummary, Type.Null()]),
  /** Light markdown; empty when deleted. */
  body: Type.String(),
  mentions: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  reactions: ReactionSummary,
  replyCount: Type.Integer(),
  createdAt: Timestamp,
  editedAt: Type.Union([Timestamp, Type.Null()]),
  deletedAt: Type.Union([Timestamp, Type.Null()]),
  abilities: Type.Object({ edit: Type.Boolean(), delete: Type.Boolean(), reply: Type.Boolean(), react: Type.Boolean() }),
});
export type Comment = Static<typeof Comment>;

/**
 * A card for the first link in a post, fetched by the server through its SSRF guard after the post is stored
 * (so it appears a moment later, with a `post.updated` event). `imageUrl` is set only for images on an
 * intranet host the admin allow-listed: the app loads no third-party image.
 */
export const LinkPreview = Type.Object({
  /** The link as written in the post (the card links there). */
  url: Type.String(),
  title: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  /** og:site_name, else the host name. */
  siteName: Type.String(),
  imageUrl: Type.Union([Type.String(), Type.Null()]),
});
export type LinkPreview = Static<typeof LinkPreview>;

/** The composer's live card: `POST /api/v1/link-preview`. */
export const LinkPreviewRequest = Type.Object({ url: Type.String({ minLength: 1, maxLength: 2048 }) }, { additionalProperties: false });

const PostCore = {
  id: Id,
  author: Type.Union([UserSummary, Type.Null()]),
  audience: AudienceView,
  /** Light markdown (bold, italic, lists, links, quotes, code); rendered sanitized by the client. Empty when deleted. */
  body: Type.String(),
  mentions: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  hashtags: Type.Array(Type.String()),
  attachments: Type.Array(PostAttachment),
  /** Null until fetched, when the post has no (external) link, or when the page gave no preview. */
  linkPreview: Type.Union([LinkPreview, Type.Null()]),
  createdAt: Timestamp,
  editedAt: Type.Union([Timestamp, Type.Null()]),
  deletedAt: Type.Union([Timestamp, Type.Null()]),
};

/** A shared post shows the original inline (null when the original is gone or no longer visible). */
export const SharedPost = Type.Object(PostCore);

export const Post = Type.Object({
  ...PostCore,
  shared: Type.Union([SharedPost, Type.Null(), Type.Literal('unavailable')]),
  announcement: Type.Union([
    Type.Object({
      requiresConfirmation: Type.Boolean(),
      featuredUntil: Type.Union([Timestamp, Type.Null()]),
      /** I confirmed ("I have read this"). */
      confirmed: Type.Boolean(),
      confirmedCount: Type.Integer(),
    }),
    Type.Null(),
  ]),
  /** A poll post (a question, or a date poll). */
  poll: Type.Union([Poll, Type.Null()]),
  /** An event's post in its group or company feed (its comments are the event's). */
  event: Type.Union([Event, Type.Null()]),
  commentsDisabled: Type.Boolean(),
  pinned: Type.Boolean(),
  saved: Type.Boolean(),
  reactions: ReactionSummary,
  /** Every comment and reply (the "12 comments" in the summary). */
  commentCount: Type.Integer(),
  /** Top-level comments as the comment list pages them: "View N more comments" is this minus those shown. */
  topLevelCommentCount: Type.Integer(),
  /** The two newest top-level comments, oldest first (Facebook shows the latest under the post). */
  latestComments: Type.Array(Comment),
  abilities: Type.Object({
    edit: Type.Boolean(),
    delete: Type.Boolean(),
    comment: Type.Boolean(),
    react: Type.Boolean(),
    share: Type.Boolean(),
    pin: Type.Boolean(),
    disableComments: Type.Boolean(),
    report: Type.Boolean(),
    viewConfirmations: Type.Boolean(),
    /** "I have read this" (announcements asking for it; not their author). */
    confirm: Type.Boolean(),
  }),
});
export type Post = Static<typeof Post>;

const Body = Type.String({ maxLength: Limits.postMax });

export const CreatePost = Type.Object(
  {
    audience: Audience,
    body: Body,
    mentions: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
    attachmentIds: Type.Optional(Type.Array(Id, { maxItems: Limits.postAttachmentsMax, uniqueItems: true })),
    /** Share another post (the body is then an optional comment on it). */
    sharedPostId: Type.Optional(Id),
    /** Make the post a poll (the body is then an optional introduction). */
    poll: Type.Optional(CreatePoll),
    /** Company-wide or group announcements: require "I have read this"; feature until a date. */
    announcement: Type.Optional(
      Type.Object(
        { requiresConfirmation: Type.Boolean(), featuredUntil: Type.Optional(Type.Union([Timestamp, Type.Null()])) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CreatePost = Static<typeof CreatePost>;

export const UpdatePost = Type.Object(
  {
    body: Type.Optional(Body),
    mentions: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
    commentsDisabled: Type.Optional(Type.Boolean()),
    pinned: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdatePost = Static<typeof UpdatePost>;

export const PostVersion = Type.Object({ body: Type.String(), editedAt: Timestamp });

export const CreateComment = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: Limits.commentMax, pattern: '\\S' }),
    parentId: Type.Optional(Id),
    mentions: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateComment = Static<typeof CreateComment>;

export const UpdateComment = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: Limits.commentMax, pattern: '\\S' }), mentions: Type.Optional(Type.Array(Id, { maxItems: 50 })) },
  { additionalProperties: false },
);

export const SetPostReaction = Type.Object({ kind: ReactionKind }, { additionalProperties: false });

export const FeedQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});

export const Reactor = Type.Object({ user: UserSummary, kind: ReactionKind });

/** Who reacted, newest first, a page at a time; `kind` narrows to one reaction, `commentId` to a comment's. */
export const ReactorsQuery = Type.Object({
  kind: Type.Optional(ReactionKind),
  commentId: Type.Optional(Id),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

/**
 * A post's comments (top level) or a comment's replies. `order=newest` pages backwards from the newest
 * (Facebook's "View previous comments"); the default pages forwards from the oldest.
 */
export const CommentsQuery = Type.Object({
  parentId: Type.Optional(Id),
  order: Type.Optional(Type.Union([Type.Literal('oldest'), Type.Literal('newest')])),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});

const ConfirmationEntry = Type.Object({ user: UserSummary, confirmedAt: Type.Union([Timestamp, Type.Null()]) });

/** Who confirmed an announcement and who has not (author, admins, group moderators). */
export const ConfirmationList = Type.Object({
  confirmed: Type.Array(ConfirmationEntry),
  pending: Type.Array(ConfirmationEntry),
  /** When the readers who had not confirmed were last reminded (one reminder an hour at most). */
  remindedAt: Type.Union([Timestamp, Type.Null()]),
});
export type ConfirmationList = Static<typeof ConfirmationList>;

/** The answer to "remind the rest": how many were reminded, and when. */
export const ConfirmationReminder = Type.Object({ reminded: Type.Integer(), remindedAt: Timestamp });
export type ConfirmationReminder = Static<typeof ConfirmationReminder>;

export const ReportStatus = Type.Union([Type.Literal('open'), Type.Literal('kept'), Type.Literal('hidden')]);
export type ReportStatus = Static<typeof ReportStatus>;

/** A report of a post to the admins (`GET /api/v1/admin/reports`). */
export const PostReport = Type.Object({
  id: Id,
  /** Null once the post was hidden (deleted) or is otherwise gone. */
  post: Type.Union([Post, Type.Null()]),
  reporter: Type.Union([UserSummary, Type.Null()]),
  reason: Type.String(),
  status: ReportStatus,
  createdAt: Timestamp,
  resolvedAt: Type.Union([Timestamp, Type.Null()]),
});
export type PostReport = Static<typeof PostReport>;

export const HashtagInfo = Type.Object({ tag: Type.String(), postCount: Type.Integer(), following: Type.Boolean() });
