import { type Actor, defineRules } from '../../core/policy/index.js';

/** What the rules need to know about a post and the actor's relation to it. */
export interface PostFacts {
  id: string;
  audience: 'profile' | 'group' | 'company';
  authorId: string | null;
  /** Group posts: the actor's role in the group (null: not a member), its visibility and whether it is archived. */
  groupRole: 'owner' | 'moderator' | 'member' | null;
  groupVisibility: 'public' | 'private' | 'secret' | null;
  groupArchived: boolean;
  commentsDisabled: boolean;
  deleted: boolean;
  /** An announcement that asks readers to confirm. */
  requiresConfirmation?: boolean;
}

/** Where the actor wants to post. */
export interface AudienceFacts {
  audience: 'profile' | 'group' | 'company';
  groupRole: 'owner' | 'moderator' | 'member' | null;
  groupArchived: boolean;
  /** The actor is on the communications team (company announcements). */
  announcer?: boolean;
}

export interface CommentFacts {
  post: PostFacts;
  authorId: string | null;
  deleted: boolean;
}

declare module '../../core/policy/index.js' {
  interface PolicyResources {
    'post.read': PostFacts;
    'post.create': AudienceFacts;
    'post.edit': PostFacts;
    'post.delete': PostFacts;
    'post.comment': PostFacts;
    'post.react': PostFacts;
    'post.share': PostFacts;
    'post.pin': PostFacts;
    'post.disable_comments': PostFacts;
    'post.report': PostFacts;
    'post.view_confirmations': PostFacts;
    'post.confirm': PostFacts;
    'comment.edit': CommentFacts;
    'comment.delete': CommentFacts;
  }
}

const employee = (a: Actor) => a.role !== 'guest';
const admin = (a: Actor) => a.role === 'admin';
const moderates = (p: { groupRole: PostFacts['groupRole'] }) => p.groupRole === 'owner' || p.groupRole === 'moderator';

/**
 * Who reads a post: profile posts and announcements every employee (never guests: they see only their
 * groups); group posts the group's members, and — for public groups — every employee; admins everything.
 * Nothing is ever public: there is no audience outside the company.
 */
function readable(a: Actor, p: PostFacts): boolean {
  if (p.deleted) return false;
  if (admin(a)) return true;
  if (p.audience === 'group') return p.groupRole !== null || (employee(a) && p.groupVisibility === 'public');
  return employee(a);
}

const writable = (p: PostFacts) => !p.deleted && !p.groupArchived;

defineRules({
  'post.read': readable,
  'post.create': (a, t) =>
    t.audience === 'company'
      ? admin(a) || (employee(a) && t.announcer === true)
      : t.audience === 'group'
        ? t.groupRole !== null && !t.groupArchived
        : employee(a),
  'post.edit': (a, p) => readable(a, p) && writable(p) && p.authorId === a.id,
  'post.delete': (a, p) => readable(a, p) && (p.authorId === a.id || admin(a) || (p.audience === 'group' && moderates(p))),
  'post.comment': (a, p) => readable(a, p) && writable(p) && !p.commentsDisabled && (p.audience !== 'group' || p.groupRole !== null || admin(a)),
  'post.react': (a, p) => readable(a, p) && writable(p),
  // Shared only where its audience stays the same or narrower: never out of a private or secret group.
  'post.share': (a, p) => readable(a, p) && employee(a) && (p.audience !== 'group' || p.groupVisibility === 'public'),
  'post.pin': (a, p) =>
    readable(a, p) && writable(p) && (p.audience === 'group' ? moderates(p) || admin(a) : p.audience === 'company' ? admin(a) : p.authorId === a.id),
  'post.disable_comments': (a, p) => readable(a, p) && writable(p) && (p.authorId === a.id || admin(a) || (p.audience === 'group' && moderates(p))),
  'post.report': (a, p) => readable(a, p) && p.authorId !== a.id,
  'post.view_confirmations': (a, p) => readable(a, p) && (p.authorId === a.id || admin(a)),
  // Readers confirm "I have read this"; the author does not confirm their own.
  'post.confirm': (a, p) => readable(a, p) && p.requiresConfirmation === true && p.authorId !== a.id,
  'comment.edit': (a, c) => readable(a, c.post) && writable(c.post) && !c.deleted && c.authorId === a.id,
  'comment.delete': (a, c) =>
    readable(a, c.post) && !c.deleted && (c.authorId === a.id || c.post.authorId === a.id || admin(a) || (c.post.audience === 'group' && moderates(c.post))),
});
