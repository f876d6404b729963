import type { AddPollOption, CastVote, CreatePoll, Event, Poll, PollToEvent, UpdatePoll } from '@innenhof/contract';
import { DateTime, IANAZone } from 'luxon';
import { csvCell, csvSafe } from '../../core/csv.js';
import type { Executor, Tx } from '../../core/db/index.js';
import { ConflictError, fieldError, NotFoundError } from '../../core/errors.js';
import { newId, now } from '../../core/ids.js';
import { enqueue } from '../../core/jobs.js';
import { appendEvent } from '../../core/outbox.js';
import { type Action, type Actor, authorize } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import { createEvent } from '../events/service.js';
import * as users from '../users/repository.js';
import { ballotOf } from './ballot.js';
import { isClosed, type OptionRow, type PollRow, type PollWithPost, pollFacts, pollsWithPosts, presentPolls } from './for-posts.js';
import { OPTIONS_MAX, type PollFacts } from './policy.js';

/** Closes a poll at its deadline (re-checked when it runs: the author may have moved it). */
export const POLL_CLOSE_JOB = 'polls.close';
/** Reminds those who have not voted, at the poll's reminder time (re-checked, once: `reminded_at`). */
export const POLL_REMIND_JOB = 'polls.remind';

const DAY_MS = 24 * 3600_000;
const NOT_FOUND = 'Poll';
const OPTIONS_MIN = 2;

/** A checked poll, ready to insert with its post. */
export interface ValidPoll {
  row: Omit<PollRow, 'id' | 'post_id'>;
  options: Array<Pick<OptionRow, 'label' | 'starts_at' | 'ends_at'>>;
}

const iso = (v: string) => new Date(v).toISOString();
const future = (v: string, field: string, at: string) => {
  if (Number.isNaN(Date.parse(v))) throw fieldError(field, 'is not a valid time');
  if (iso(v) <= at) throw fieldError(field, 'must be in the future');
  return iso(v);
};

/** One option as proposed (creating the poll or adding to it); `field` is where errors point. */
function checkOption(kind: 'choice' | 'date', o: { label?: string; startsAt?: string; endsAt?: string | null }, field: string) {
  const label = (o.label ?? '').trim();
  if (kind === 'choice') {
    if (!label) throw fieldError(`${field}label`, 'is required');
    return { label, starts_at: null, ends_at: null };
  }
  if (!o.startsAt) throw fieldError(`${field}startsAt`, 'a date poll proposes a time for each option');
  const starts = iso(o.startsAt);
  const ends = o.endsAt ? iso(o.endsAt) : null;
  if (ends !== null && ends <= starts) throw fieldError(`${field}endsAt`, 'must be after the start');
  return { label, starts_at: starts, ends_at: ends };
}

const sameOption = (a: { label: string; starts_at: string | null; ends_at: string | null }, b: typeof a) =>
  a.starts_at === null ? a.label.toLowerCase() === b.label.toLowerCase() : a.starts_at === b.starts_at && a.ends_at === b.ends_at && a.label === b.label;

/**
 * Checks a new poll (`CreatePost.poll`); errors name the field under `poll.` (400 `validation_failed`).
 * Single choice ignores `maxChoices`; the reminder defaults to 24 h before the deadline (none when that is past).
 */
export function validateNewPoll(input: CreatePoll, at = now()): ValidPoll {
  const kind = input.kind ?? 'choice';
  if (input.options.length < OPTIONS_MIN) throw fieldError('poll.options', `at least ${OPTIONS_MIN} options`);
  if (input.options.length > OPTIONS_MAX) throw fieldError('poll.options', `at most ${OPTIONS_MAX} options`);
  const options: ValidPoll['options'] = [];
  for (const [i, o] of input.options.entries()) {
    const checked = checkOption(kind, o, `poll.options.${i}.`);
    if (options.some((x) => sameOption(x, checked))) throw fieldError(`poll.options.${i}`, 'is there twice');
    options.push(checked);
  }
  const multiple = kind === 'choice' && input.multiple === true;
  const maxChoices = multiple ? (input.maxChoices ?? null) : null;
  if (maxChoices !== null && maxChoices > options.length) throw fieldError('poll.maxChoices', 'is more than the number of options');
  const deadline = input.deadline ? future(input.deadline, 'poll.deadline', at) : null;
  let reminderAt: string | null = null;
  if (input.reminderAt) {
    reminderAt = future(input.reminderAt, 'poll.reminderAt', at);
    if (deadline && reminderAt >= deadline) throw fieldError('poll.reminderAt', 'must be before the deadline');
  } else if (input.reminderAt === undefined && deadline) {
    reminderAt = defaultReminder(deadline, at);
  }
  const timeZone = input.timeZone ?? 'UTC';
  if (!IANAZone.isValidZone(timeZone)) throw fieldError('poll.timeZone', 'is not a known time zone');
  return {
    row: {
      kind,
      question: input.question.trim(),
      multiple: multiple ? 1 : 0,
      max_choices: maxChoices,
      anonymous: input.anonymous ? 1 : 0,
      results: input.results ?? 'always',
      allow_add_options: input.allowAddOptions ? 1 : 0,
      deadline,
      reminder_at: reminderAt,
      reminded_at: null,
      closed_at: null,
      time_zone: timeZone,
      event_id: null,
      created_at: at,
    },
    options,
  };
}

/** 24 h before the deadline, or none when that has passed. */
function defaultReminder(deadline: string, at: string): string | null {
  const r = new Date(Date.parse(deadline) - DAY_MS).toISOString();
  return r > at ? r : null;
}

/**
 * Inserts a checked poll for a post, inside the post's own transaction, with its `poll.created` event (the
 * audience is notified) and the jobs of its deadline and reminder.
 */
export async function insertPoll(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  post: { id: string; audience: string; group_id: string | null },
  poll: ValidPoll,
): Promise<string> {
  const id = newId();
  await tx.db
    .insertInto('polls')
    .values({ ...poll.row, id, post_id: post.id })
    .execute();
  await tx.db
    .insertInto('poll_options')
    .values(poll.options.map((o, position) => ({ ...o, id: newId(), poll_id: id, position, added_by_member: 0 })))
    .execute();
  await scheduleJobs(tx, id, poll.row.deadline, poll.row.reminder_at);
  await appendEvent(
    tx,
    { type: 'poll.created', actorId: actor.id, subjectId: post.id, payload: { pollId: id, audience: post.audience, groupId: post.group_id } },
    ctx.outbox,
  );
  return id;
}

async function scheduleJobs(tx: Tx, pollId: string, deadline: string | null, reminderAt: string | null): Promise<void> {
  if (deadline) await enqueue(tx.db, POLL_CLOSE_JOB, { pollId }, { runAt: deadline });
  if (reminderAt) await enqueue(tx.db, POLL_REMIND_JOB, { pollId }, { runAt: reminderAt });
}

interface Loaded {
  poll: PollWithPost;
  options: OptionRow[];
  facts: PollFacts;
}

/** A poll whose post the actor may read (404 otherwise, exactly as for one that does not exist); then `action` (403). */
async function loadPoll(db: Executor, actor: Actor, pollId: string, action?: Action & `poll.${string}`): Promise<Loaded> {
  const [poll] = await pollsWithPosts(db, actor.id, { pollIds: [pollId] });
  if (!poll) throw new NotFoundError(NOT_FOUND);
  const options = await db.selectFrom('poll_options').selectAll().where('poll_id', '=', poll.id).orderBy('position').execute();
  const facts = pollFacts(poll, options.length);
  authorize(actor, 'poll.read', facts, NOT_FOUND);
  if (action) authorize(actor, action as 'poll.vote', facts, NOT_FOUND);
  return { poll, options, facts };
}

/** The poll as the actor sees it now. */
export async function getPoll(ctx: AppContext, actor: Actor, pollId: string): Promise<Poll> {
  const { poll } = await loadPoll(ctx.db.db, actor, pollId);
  const [presented] = await presentPolls(ctx.db.db, actor, [poll]);
  return presented as Poll;
}

/**
 * The live invalidation of the poll's post: a `post.updated` (the feed's real-time route pushes it to the
 * post's audience; clients refetch the post). It never says who voted: anonymous votes carry no actor.
 */
async function touched(ctx: AppContext, tx: Tx, poll: PollWithPost, actorId: string | null): Promise<void> {
  await appendEvent(
    tx,
    { type: 'post.updated', actorId: poll.anonymous === 1 ? null : actorId, subjectId: poll.post_id, payload: { groupId: poll.group_id, pollId: poll.id } },
    ctx.outbox,
  );
}

function assertOpen(poll: PollRow): void {
  if (isClosed(poll)) throw new ConflictError('poll_closed', 'This poll is closed');
}

/**
 * PostgreSQL: votes on one poll take turns (the poll row is locked), so a double submit cannot vote twice
 * and the rewrite of an anonymous poll's ballots always starts from the latest rows. SQLite writes one at a time anyway.
 */
async function lockPoll(tx: Tx, pollId: string): Promise<void> {
  if (tx.dialect === 'pg') await tx.db.selectFrom('polls').select('id').where('id', '=', pollId).forUpdate().execute();
}

/** Removes the actor's choices (named: their rows; anonymous: their ballot's rows). */
async function clearVote(tx: Tx, poll: PollWithPost, actorId: string): Promise<void> {
  if (poll.anonymous === 1) await tx.db.deleteFrom('poll_ballots').where('poll_id', '=', poll.id).where('ballot', '=', ballotOf(poll.id, actorId)).execute();
  else await tx.db.deleteFrom('poll_votes').where('poll_id', '=', poll.id).where('user_id', '=', actorId).execute();
}

/**
 * PostgreSQL stores rows in the order they were written; the ballots of an anonymous poll are written again
 * in ballot order after each vote, so where a ballot sits in the table says nothing about when it was cast.
 * (SQLite keeps them WITHOUT ROWID, in ballot order already.)
 */
async function reorderBallots(tx: Tx, pollId: string): Promise<void> {
  if (tx.dialect !== 'pg') return;
  const rows = await tx.db.selectFrom('poll_ballots').selectAll().where('poll_id', '=', pollId).orderBy('ballot').orderBy('option_id').execute();
  await tx.db.deleteFrom('poll_ballots').where('poll_id', '=', pollId).execute();
  if (rows.length) await tx.db.insertInto('poll_ballots').values(rows).execute();
}

/** Replaces my vote. Choice polls: one option, or up to `maxChoices`; date polls: an answer per slot. Closed → 409 `poll_closed`. */
export async function castVote(ctx: AppContext, actor: Actor, pollId: string, input: CastVote): Promise<Poll> {
  const db = ctx.db.db;
  const { poll, options } = await loadPoll(db, actor, pollId);
  assertOpen(poll);
  await loadPoll(db, actor, pollId, 'poll.vote');
  const known = new Set(options.map((o) => o.id));
  let choices: Array<{ option_id: string; answer: string | null }>;
  if (poll.kind === 'choice') {
    const ids = input.optionIds;
    if (!ids || ids.length === 0) throw fieldError('optionIds', 'choose an option');
    for (const [i, id] of ids.entries()) if (!known.has(id)) throw fieldError(`optionIds.${i}`, 'no such option in this poll');
    if (poll.multiple === 0 && ids.length !== 1) throw fieldError('optionIds', 'choose exactly one option');
    if (poll.max_choices !== null && ids.length > poll.max_choices) throw fieldError('optionIds', `choose at most ${poll.max_choices} options`);
    choices = ids.map((option_id) => ({ option_id, answer: null }));
  } else {
    const answers = input.answers;
    if (!answers || answers.length === 0) throw fieldError('answers', 'answer at least one slot');
    const seen = new Set<string>();
    for (const [i, a] of answers.entries()) {
      if (!known.has(a.optionId)) throw fieldError(`answers.${i}.optionId`, 'no such slot in this poll');
      if (seen.has(a.optionId)) throw fieldError(`answers.${i}.optionId`, 'answered twice');
      seen.add(a.optionId);
    }
    choices = answers.map((a) => ({ option_id: a.optionId, answer: a.answer }));
  }
  await ctx.db.transaction(async (tx) => {
    await lockPoll(tx, poll.id);
    await clearVote(tx, poll, actor.id);
    if (poll.anonymous === 1) {
      const ballot = ballotOf(poll.id, actor.id);
      await tx.db
        .insertInto('poll_ballots')
        .values(choices.map((c) => ({ poll_id: poll.id, ballot, ...c })))
        .execute();
      await reorderBallots(tx, poll.id);
    } else {
      await tx.db
        .insertInto('poll_votes')
        .values(choices.map((c) => ({ poll_id: poll.id, user_id: actor.id, ...c })))
        .execute();
    }
    await tx.db
      .insertInto('poll_participants')
      .values({ poll_id: poll.id, user_id: actor.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
    // A vote's event names no one, in named polls too: it only tells readers to refetch.
    await touched(ctx, tx, poll, null);
  });
  return getPoll(ctx, actor, poll.id);
}

/** Withdraws my vote (while the poll is open). */
export async function withdrawVote(ctx: AppContext, actor: Actor, pollId: string): Promise<Poll> {
  const { poll } = await loadPoll(ctx.db.db, actor, pollId);
  assertOpen(poll);
  await loadPoll(ctx.db.db, actor, pollId, 'poll.vote');
  await ctx.db.transaction(async (tx) => {
    await lockPoll(tx, poll.id);
    await clearVote(tx, poll, actor.id);
    const r = await tx.db.deleteFrom('poll_participants').where('poll_id', '=', poll.id).where('user_id', '=', actor.id).executeTakeFirst();
    if (Number(r.numDeletedRows) > 0) await touched(ctx, tx, poll, null);
  });
  return getPoll(ctx, actor, poll.id);
}

/** A member adds an option (when the author allows it; the author always may), while open, up to 20. */
export async function addOption(ctx: AppContext, actor: Actor, pollId: string, input: AddPollOption): Promise<Poll> {
  const db = ctx.db.db;
  const { poll, options } = await loadPoll(db, actor, pollId);
  assertOpen(poll);
  if (options.length >= OPTIONS_MAX) throw new ConflictError('conflict', `A poll has at most ${OPTIONS_MAX} options`);
  await loadPoll(db, actor, pollId, 'poll.add_option');
  const option = checkOption(poll.kind, input, '');
  if (options.some((o) => sameOption({ label: o.label, starts_at: o.starts_at, ends_at: o.ends_at }, option))) {
    throw fieldError(poll.kind === 'choice' ? 'label' : 'startsAt', 'this option is there already');
  }
  await ctx.db.transaction(async (tx) => {
    const position = options.reduce((max, o) => Math.max(max, o.position), -1) + 1;
    await tx.db
      .insertInto('poll_options')
      .values({ ...option, id: newId(), poll_id: poll.id, position, added_by_member: poll.author_id === actor.id ? 0 : 1 })
      .execute();
    await touched(ctx, tx, poll, actor.id);
  });
  return getPoll(ctx, actor, poll.id);
}

/**
 * The author closes early or reopens, moves the deadline or the reminder. Reopening a poll whose deadline
 * has passed drops the deadline (unless a new one is given). A moved deadline moves a default reminder.
 */
export async function updatePoll(ctx: AppContext, actor: Actor, pollId: string, input: UpdatePoll): Promise<Poll> {
  const { poll } = await loadPoll(ctx.db.db, actor, pollId, 'poll.manage');
  const at = now();
  let deadline = poll.deadline;
  let reminderAt = poll.reminder_at;
  if (input.deadline !== undefined) {
    // (A JSON null may arrive as '' once the schema's type coercion has seen it.)
    deadline = !input.deadline ? null : future(input.deadline, 'deadline', at);
    if (input.reminderAt === undefined) {
      const wasDefault = poll.deadline !== null && poll.reminder_at === defaultReminder(poll.deadline, poll.created_at);
      if (deadline === null) reminderAt = wasDefault ? null : reminderAt;
      else if (wasDefault || reminderAt === null) reminderAt = defaultReminder(deadline, at);
      if (reminderAt !== null && deadline !== null && reminderAt >= deadline) reminderAt = defaultReminder(deadline, at);
    }
  }
  if (input.reminderAt !== undefined) {
    reminderAt = !input.reminderAt ? null : future(input.reminderAt, 'reminderAt', at);
    if (reminderAt !== null && deadline !== null && reminderAt >= deadline) throw fieldError('reminderAt', 'must be before the deadline');
  }
  let closedAt = poll.closed_at;
  const wasClosed = isClosed(poll, at);
  if (input.closed === true && !wasClosed) closedAt = at;
  if (input.closed === false) {
    closedAt = null;
    if (deadline !== null && deadline <= at) deadline = null;
  }
  const closing = input.closed === true && !wasClosed;
  await ctx.db.transaction(async (tx) => {
    await tx.db
      .updateTable('polls')
      .set({
        deadline,
        reminder_at: reminderAt,
        closed_at: closedAt,
        ...(reminderAt !== poll.reminder_at ? { reminded_at: null } : {}),
      })
      .where('id', '=', poll.id)
      .execute();
    await scheduleJobs(tx, poll.id, deadline !== poll.deadline ? deadline : null, reminderAt !== poll.reminder_at ? reminderAt : null);
    if (closing)
      await appendEvent(tx, { type: 'poll.closed', actorId: actor.id, subjectId: poll.post_id, payload: { pollId: poll.id, groupId: poll.group_id } });
    await touched(ctx, tx, poll, actor.id);
  });
  return getPoll(ctx, actor, poll.id);
}

/** The close job: closes the poll when its (possibly moved) deadline has come. */
export async function closeDue(ctx: AppContext, pollId: string): Promise<void> {
  const poll = await ctx.db.db.selectFrom('polls').selectAll().where('id', '=', pollId).executeTakeFirst();
  const at = now();
  if (!poll || poll.closed_at !== null || poll.deadline === null || poll.deadline > at) return;
  const post = await ctx.db.db.selectFrom('posts').select(['id', 'group_id']).where('id', '=', poll.post_id).executeTakeFirst();
  await ctx.db.transaction(async (tx) => {
    const r = await tx.db
      .updateTable('polls')
      .set({ closed_at: poll.deadline })
      .where('id', '=', poll.id)
      .where('closed_at', 'is', null)
      .where('deadline', '=', poll.deadline)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return;
    const payload = { pollId: poll.id, groupId: post?.group_id ?? null };
    await appendEvent(tx, { type: 'poll.closed', actorId: null, subjectId: poll.post_id, payload }, ctx.outbox);
    await appendEvent(tx, { type: 'post.updated', actorId: null, subjectId: poll.post_id, payload }, ctx.outbox);
  });
}

/** The reminder job: once per reminder time, `poll.reminded` (notifications go to those who have not voted). */
export async function remindDue(ctx: AppContext, pollId: string): Promise<void> {
  const poll = await ctx.db.db.selectFrom('polls').selectAll().where('id', '=', pollId).executeTakeFirst();
  const at = now();
  if (!poll || poll.reminder_at === null || poll.reminder_at > at || poll.reminded_at !== null || isClosed(poll, at)) return;
  const post = await ctx.db.db.selectFrom('posts').select(['id', 'group_id', 'author_id', 'deleted_at']).where('id', '=', poll.post_id).executeTakeFirst();
  if (!post || post.deleted_at) return;
  await ctx.db.transaction(async (tx) => {
    const r = await tx.db
      .updateTable('polls')
      .set({ reminded_at: at })
      .where('id', '=', poll.id)
      .where('reminded_at', 'is', null)
      .where('reminder_at', '=', poll.reminder_at)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return;
    await appendEvent(
      tx,
      { type: 'poll.reminded', actorId: post.author_id, subjectId: poll.post_id, payload: { pollId: poll.id, groupId: post.group_id } },
      ctx.outbox,
    );
  });
}

/** A slot as people read it, in the poll's time zone: "2026-12-04 10:00–11:00 (Europe/Berlin)". */
function slotText(o: Pick<OptionRow, 'label' | 'starts_at' | 'ends_at'>, zone: string): string {
  if (!o.starts_at) return o.label;
  const start = DateTime.fromISO(o.starts_at, { zone });
  const end = o.ends_at ? DateTime.fromISO(o.ends_at, { zone }) : null;
  const when = `${start.toFormat('yyyy-MM-dd HH:mm')}${end ? `–${end.hasSame(start, 'day') ? end.toFormat('HH:mm') : end.toFormat('yyyy-MM-dd HH:mm')}` : ''} (${zone})`;
  return o.label ? `${o.label} · ${when}` : when;
}

// A cell a spreadsheet would run as a formula is prefixed with ' (as the confirmations CSV does).
const cell = csvCell;
const safe = csvSafe;

/**
 * The author's CSV. Named polls: one row per voter and option (date polls with the answer); anonymous polls:
 * the counts per option only — no names, and rows in option order.
 */
export async function exportCsv(ctx: AppContext, actor: Actor, pollId: string): Promise<{ filename: string; csv: string }> {
  const db = ctx.db.db;
  const { poll, options } = await loadPoll(db, actor, pollId, 'poll.export');
  const date = poll.kind === 'date';
  const lines: string[] = [];
  if (poll.anonymous === 1) {
    const counts = await db
      .selectFrom('poll_ballots')
      .select(['option_id', 'answer', (eb) => eb.fn.countAll<number>().as('n')])
      .where('poll_id', '=', poll.id)
      .groupBy(['option_id', 'answer'])
      .execute();
    const n = (optionId: string, answer: string | null) =>
      counts.filter((c) => c.option_id === optionId && (!date || c.answer === answer)).reduce((sum, c) => sum + Number(c.n), 0);
    lines.push(date ? 'Option,Yes,If need be,No' : 'Option,Votes');
    for (const o of options) {
      lines.push(date ? `${safe(slotText(o, poll.time_zone))},${n(o.id, 'yes')},${n(o.id, 'maybe')},${n(o.id, 'no')}` : `${safe(o.label)},${n(o.id, null)}`);
    }
  } else {
    const votes = await db.selectFrom('poll_votes').select(['option_id', 'user_id', 'answer']).where('poll_id', '=', poll.id).execute();
    const people = await users.findByIds(
      db,
      votes.map((v) => v.user_id),
    );
    lines.push(date ? 'Option,Name,E-mail,Answer' : 'Option,Name,E-mail');
    for (const o of options) {
      const rows = votes
        .filter((v) => v.option_id === o.id)
        .flatMap((v) => {
          const u = people.get(v.user_id);
          return u ? [{ u, answer: v.answer }] : [];
        })
        .sort((a, b) => a.u.name.localeCompare(b.u.name));
      for (const { u, answer } of rows) {
        lines.push([safe(slotText(o, poll.time_zone)), safe(u.name), safe(u.email), ...(date ? [cell(answer ?? '')] : [])].join(','));
      }
    }
  }
  return { filename: `poll-${poll.id}.csv`, csv: `${lines.join('\r\n')}\r\n` };
}

/**
 * Date polls: the chosen slot becomes an event inviting those who answered yes or if need be (anonymous
 * polls: everyone who answered — who said what is not known), at the slot's time in the poll's time zone.
 */
export async function pollToEvent(ctx: AppContext, actor: Actor, pollId: string, input: PollToEvent): Promise<Event> {
  const db = ctx.db.db;
  const { poll, options } = await loadPoll(db, actor, pollId, 'poll.create_event');
  const slot = options.find((o) => o.id === input.optionId);
  if (!slot?.starts_at) throw fieldError('optionId', 'no such slot in this poll');
  const people =
    poll.anonymous === 1
      ? await db.selectFrom('poll_participants').select('user_id').where('poll_id', '=', poll.id).execute()
      : await db
          .selectFrom('poll_votes')
          .select('user_id')
          .where('poll_id', '=', poll.id)
          .where('option_id', '=', slot.id)
          .where('answer', 'in', ['yes', 'maybe'])
          .execute();
  const active = await users.findByIds(
    db,
    people.map((p) => p.user_id),
  );
  const invited = [actor.id, ...[...active.values()].filter((u) => u.status === 'active' && u.id !== actor.id).map((u) => u.id)];
  const start = DateTime.fromISO(slot.starts_at, { zone: poll.time_zone });
  const end = slot.ends_at ? DateTime.fromISO(slot.ends_at, { zone: poll.time_zone }) : start.plus({ hours: 1 });
  const local = (d: DateTime) => d.toFormat("yyyy-MM-dd'T'HH:mm");
  const event = await createEvent(
    ctx,
    actor,
    {
      title: input.title?.trim() || poll.question,
      ...(input.location ? { location: input.location } : {}),
      start: local(start),
      end: local(end),
      timeZone: poll.time_zone,
      audience: { kind: 'invited', userIds: invited },
    },
    {
      pollId: poll.id,
      // In the event's transaction, and only while the poll has no event: a second click at the same time fails whole.
      within: async (tx, eventId) => {
        const r = await tx.db.updateTable('polls').set({ event_id: eventId }).where('id', '=', poll.id).where('event_id', 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new ConflictError('conflict', 'An event was already made from this poll');
        await touched(ctx, tx, poll, actor.id);
      },
    },
  );
  return event;
}

/** Who the poll's audience is (for `poll.created` and the reminder): ids of active people, the author excluded. */
export async function pollAudience(db: Executor, post: { author_id: string | null; audience: string; group_id: string | null }): Promise<string[]> {
  let q = db
    .selectFrom('users')
    .select('id')
    .where('status', '=', 'active')
    .where('id', '!=', post.author_id ?? '');
  if (post.audience === 'group' && post.group_id) {
    q = q.where('id', 'in', db.selectFrom('group_members').select('user_id').where('group_id', '=', post.group_id));
  } else if (post.audience === 'company') {
    q = q.where('role', '!=', 'guest');
  } else {
    // Profile posts reach the author's followers (every employee may read them; guests never do).
    q = q.where('role', '!=', 'guest').where(
      'id',
      'in',
      db
        .selectFrom('follows')
        .select('follower_id')
        .where('target_type', '=', 'user')
        .where('target', '=', post.author_id ?? ''),
    );
  }
  return (await q.execute()).map((r) => r.id);
}
