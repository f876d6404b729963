import type { Poll, PollOption } from '@innenhof/contract';
import type { Executor } from '../../core/db/index.js';
import { now } from '../../core/ids.js';
import { type Actor, can } from '../../core/policy/index.js';
import type { PostFacts } from '../feed/policy.js';
import { presentSummary } from '../users/presenter.js';
import * as users from '../users/repository.js';
import { ballotOf } from './ballot.js';
import type { PollFacts } from './policy.js';
import './policy.js';
import type { PollOptionsTable, PollsTable } from './tables.js';

export type PollRow = PollsTable;
export type OptionRow = PollOptionsTable;

/** A poll's row with what its post tells the rules (audience, author, the reader's role in the group). */
export interface PollWithPost extends PollRow {
  author_id: string | null;
  audience: 'profile' | 'group' | 'company';
  group_id: string | null;
  comments_disabled: number;
  deleted_at: string | null;
  group_visibility: 'public' | 'private' | 'secret' | null;
  group_archived_at: string | null;
  group_role: 'owner' | 'moderator' | 'member' | null;
}

/** Closed by the author, or past its deadline (the close job may not have run yet). */
export function isClosed(p: Pick<PollRow, 'closed_at' | 'deadline'>, at = now()): boolean {
  return p.closed_at !== null || (p.deadline !== null && p.deadline <= at);
}

export function pollFacts(p: PollWithPost, optionCount: number): PollFacts {
  const post: PostFacts = {
    id: p.post_id,
    audience: p.audience,
    authorId: p.author_id,
    groupRole: p.group_role,
    groupVisibility: p.group_visibility,
    groupArchived: p.group_archived_at !== null,
    commentsDisabled: p.comments_disabled === 1,
    deleted: p.deleted_at !== null,
  };
  return { post, kind: p.kind, closed: isClosed(p), allowAddOptions: p.allow_add_options === 1, optionCount, hasEvent: p.event_id !== null };
}

/** Polls with their post's facts, for one reader: one query (polls ⋈ posts ⋈ groups ⋈ the reader's membership). */
export async function pollsWithPosts(db: Executor, actorId: string, by: { postIds?: readonly string[]; pollIds?: readonly string[] }): Promise<PollWithPost[]> {
  const postIds = [...new Set(by.postIds ?? [])];
  const pollIds = [...new Set(by.pollIds ?? [])];
  if (postIds.length === 0 && pollIds.length === 0) return [];
  let q = db
    .selectFrom('polls as pl')
    .innerJoin('posts as p', 'p.id', 'pl.post_id')
    .leftJoin('groups as g', 'g.id', 'p.group_id')
    .leftJoin('group_members as gm', (j) => j.onRef('gm.group_id', '=', 'p.group_id').on('gm.user_id', '=', actorId))
    .selectAll('pl')
    .select([
      'p.author_id',
      'p.audience',
      'p.group_id',
      'p.comments_disabled',
      'p.deleted_at',
      'g.visibility as group_visibility',
      'g.archived_at as group_archived_at',
      'gm.role as group_role',
    ]);
  q = postIds.length ? q.where('pl.post_id', 'in', postIds) : q.where('pl.id', 'in', pollIds);
  return (await q.execute()) as PollWithPost[];
}

interface VoteRow {
  poll_id: string;
  option_id: string;
  /** Named polls: the user id; anonymous polls: the ballot (never leaves this module). */
  voter: string;
  answer: string | null;
}

/**
 * Presents polls for one reader. Queries: options, votes (named votes and anonymous ballots in one union)
 * and, for named polls whose results the reader sees, the voters — whatever the number of polls.
 */
export async function presentPolls(db: Executor, actor: Actor, polls: PollWithPost[]): Promise<Poll[]> {
  if (polls.length === 0) return [];
  const ids = polls.map((p) => p.id);
  const named = polls.filter((p) => p.anonymous === 0).map((p) => p.id);
  const anonymous = polls.filter((p) => p.anonymous === 1).map((p) => p.id);
  const votesQuery = () => {
    const n = db
      .selectFrom('poll_votes')
      .select(['poll_id', 'option_id', 'user_id as voter', 'answer'])
      .where('poll_id', 'in', named.length ? named : ['']);
    const a = db
      .selectFrom('poll_ballots')
      .select(['poll_id', 'option_id', 'ballot as voter', 'answer'])
      .where('poll_id', 'in', anonymous.length ? anonymous : ['']);
    return named.length && anonymous.length ? n.unionAll(a) : named.length ? n : a;
  };
  const [options, votes] = await Promise.all([
    db.selectFrom('poll_options').selectAll().where('poll_id', 'in', ids).orderBy('poll_id').orderBy('position').execute(),
    votesQuery().execute() as Promise<VoteRow[]>,
  ]);
  const at = now();
  const plan = polls.map((p) => {
    const mine = p.anonymous === 1 ? ballotOf(p.id, actor.id) : actor.id;
    const pollVotes = votes.filter((v) => v.poll_id === p.id);
    const voters = new Set(pollVotes.map((v) => v.voter));
    const voted = voters.has(mine);
    const closed = isClosed(p, at);
    const isAuthor = p.author_id === actor.id;
    const resultsVisible = isAuthor || p.results === 'always' || (p.results === 'after_vote' && (voted || closed)) || (p.results === 'after_close' && closed);
    return { p, mine, pollVotes, voters, voted, closed, resultsVisible };
  });
  // Who voted is shown only in named polls whose results the reader sees.
  const people = await users.findByIds(
    db,
    plan.filter((x) => x.p.anonymous === 0 && x.resultsVisible).flatMap((x) => [...x.voters]),
  );
  return plan.map(({ p, mine, pollVotes, voters, voted, closed, resultsVisible }) => {
    const own = options.filter((o) => o.poll_id === p.id);
    const facts = pollFacts(p, own.length);
    const voterCount = voters.size;
    const tally = (optionId: string, answer: string | null) =>
      pollVotes.filter((v) => v.option_id === optionId && (p.kind === 'choice' || v.answer === answer)).length;
    const presented: PollOption[] = own.map((o) => {
      const yes = tally(o.id, 'yes');
      const myVote = pollVotes.find((v) => v.option_id === o.id && v.voter === mine);
      const optionVoters =
        p.anonymous === 0 && resultsVisible
          ? pollVotes
              .filter((v) => v.option_id === o.id)
              .flatMap((v) => {
                const u = people.get(v.voter);
                return u ? [{ user: presentSummary(u), answer: p.kind === 'date' ? (v.answer as 'yes' | 'maybe' | 'no') : null }] : [];
              })
              .sort((a, b) => a.user.name.localeCompare(b.user.name) || a.user.id.localeCompare(b.user.id))
          : [];
      return {
        id: o.id,
        label: o.label,
        startsAt: o.starts_at,
        endsAt: o.ends_at,
        count: resultsVisible ? yes : null,
        maybeCount: resultsVisible ? (p.kind === 'date' ? tally(o.id, 'maybe') : 0) : null,
        noCount: resultsVisible ? (p.kind === 'date' ? tally(o.id, 'no') : 0) : null,
        percent: resultsVisible ? (voterCount ? Math.round((yes / voterCount) * 100) : 0) : null,
        chosen: p.kind === 'choice' && myVote !== undefined,
        myAnswer: p.kind === 'date' && myVote ? (myVote.answer as 'yes' | 'maybe' | 'no') : null,
        voters: optionVoters,
        addedByMember: o.added_by_member === 1,
      };
    });
    return {
      id: p.id,
      postId: p.post_id,
      kind: p.kind,
      question: p.question,
      multiple: p.multiple === 1,
      maxChoices: p.max_choices,
      anonymous: p.anonymous === 1,
      results: p.results,
      allowAddOptions: p.allow_add_options === 1,
      deadline: p.deadline,
      reminderAt: p.reminder_at,
      closedAt: p.closed_at ?? (closed ? p.deadline : null),
      timeZone: p.time_zone,
      options: presented,
      voterCount: resultsVisible ? voterCount : null,
      voted,
      resultsVisible,
      bestOptionId: p.kind === 'date' && resultsVisible ? bestSlot(presented) : null,
      eventId: p.event_id,
      abilities: {
        vote: can(actor, 'poll.vote', facts),
        addOption: can(actor, 'poll.add_option', facts),
        close: !closed && can(actor, 'poll.manage', facts),
        reopen: closed && can(actor, 'poll.manage', facts),
        export: can(actor, 'poll.export', facts),
        createEvent: can(actor, 'poll.create_event', facts),
      },
    };
  });
}

/** The slot with the most "yes", then the most "if need be"; the earlier proposal on a tie; null before any answer. */
export function bestSlot(options: Array<Pick<PollOption, 'id' | 'count' | 'maybeCount'>>): string | null {
  let best: (typeof options)[number] | null = null;
  for (const o of options) {
    const [yes, maybe] = [o.count ?? 0, o.maybeCount ?? 0];
    if (yes + maybe === 0) continue;
    if (!best || yes > (best.count ?? 0) || (yes === (best.count ?? 0) && maybe > (best.maybeCount ?? 0))) best = o;
  }
  return best?.id ?? null;
}

/** The polls of these posts, as this reader sees them (batch-loaded; called by the feed's presenter). */
export async function pollsForPosts(db: Executor, actor: Actor, postIds: string[]): Promise<Map<string, Poll>> {
  if (postIds.length === 0) return new Map();
  const polls = await pollsWithPosts(db, actor.id, { postIds });
  return new Map((await presentPolls(db, actor, polls)).map((p) => [p.postId, p]));
}

/** Poll questions by post (notifications show the question as their excerpt). */
export async function pollQuestions(db: Executor, postIds: readonly string[]): Promise<Map<string, string>> {
  if (postIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('polls')
    .select(['post_id', 'question'])
    .where('post_id', 'in', [...new Set(postIds)])
    .execute();
  return new Map(rows.map((r) => [r.post_id, r.question]));
}
