import { type Actor, can, defineRules } from '../../core/policy/index.js';
import type { PostFacts } from '../feed/policy.js';
import '../feed/policy.js';

/** What the poll rules need: the post's facts (its audience decides who reads and votes) and the poll's state. */
export interface PollFacts {
  post: PostFacts;
  kind: 'choice' | 'date';
  closed: boolean;
  allowAddOptions: boolean;
  optionCount: number;
  /** Date polls: an event was already made from it. */
  hasEvent: boolean;
}

declare module '../../core/policy/index.js' {
  interface PolicyResources {
    'poll.read': PollFacts;
    'poll.vote': PollFacts;
    'poll.add_option': PollFacts;
    'poll.manage': PollFacts;
    'poll.export': PollFacts;
    'poll.create_event': PollFacts;
  }
}

/** At most this many options, the ones members add included. */
export const OPTIONS_MAX = 20;

const author = (a: Actor, p: PollFacts) => p.post.authorId === a.id;
// Whoever reads the post votes (a group's guests too); nobody votes in an archived group or on a closed poll.
const votable = (a: Actor, p: PollFacts) => can(a, 'post.read', p.post) && !p.post.groupArchived && !p.closed;

defineRules({
  'poll.read': (a, p) => can(a, 'post.read', p.post),
  'poll.vote': votable,
  'poll.add_option': (a, p) => votable(a, p) && (author(a, p) || p.allowAddOptions) && p.optionCount < OPTIONS_MAX,
  // Close early, reopen, move the deadline or the reminder: the author only (admins moderate the post instead).
  'poll.manage': (a, p) => can(a, 'post.read', p.post) && !p.post.groupArchived && author(a, p),
  'poll.export': (a, p) => can(a, 'post.read', p.post) && author(a, p),
  'poll.create_event': (a, p) => can(a, 'post.read', p.post) && author(a, p) && p.kind === 'date' && !p.hasEvent,
});
