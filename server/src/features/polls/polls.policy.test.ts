import { describe, expect, it } from 'vitest';
import { type Actor, can } from '../../core/policy/index.js';
import type { PostFacts } from '../feed/policy.js';
import { type PollFacts, OPTIONS_MAX } from './policy.js';

const actor = (id: string, role: Actor['role'] = 'member', status: Actor['status'] = 'active'): Actor => ({ id, role, status });
const author = actor('author');
const member = actor('member');
const outsider = actor('outsider');
const guest = actor('guest', 'guest');
const admin = actor('admin', 'admin');
const gone = actor('member', 'member', 'deactivated');

/** A group poll, as seen by `who` (their role in the group decides what they read). */
function facts(role: PostFacts['groupRole'], over: Partial<PollFacts> = {}, post: Partial<PostFacts> = {}): PollFacts {
  return {
    post: {
      id: 'p',
      audience: 'group',
      authorId: 'author',
      groupRole: role,
      groupVisibility: 'private',
      groupArchived: false,
      commentsDisabled: false,
      deleted: false,
      ...post,
    },
    kind: 'choice',
    closed: false,
    allowAddOptions: false,
    optionCount: 3,
    hasEvent: false,
    ...over,
  };
}

describe('poll rules', () => {
  it('who reads and votes: whoever reads the post, guests of the group included; nobody on a closed poll or in an archived group', () => {
    expect(can(member, 'poll.vote', facts('member'))).toBe(true);
    expect(can(guest, 'poll.vote', facts('member'))).toBe(true);
    expect(can(author, 'poll.vote', facts('owner'))).toBe(true);
    expect(can(outsider, 'poll.read', facts(null))).toBe(false);
    expect(can(outsider, 'poll.vote', facts(null))).toBe(false);
    // A public group's poll: every employee reads and votes; a guest from elsewhere does not.
    expect(can(outsider, 'poll.vote', facts(null, {}, { groupVisibility: 'public' }))).toBe(true);
    expect(can(guest, 'poll.vote', facts(null, {}, { groupVisibility: 'public' }))).toBe(false);
    expect(can(member, 'poll.vote', facts('member', { closed: true }))).toBe(false);
    expect(can(member, 'poll.vote', facts('member', {}, { groupArchived: true }))).toBe(false);
    expect(can(member, 'poll.read', facts('member', {}, { deleted: true }))).toBe(false);
    expect(can(gone, 'poll.read', facts('member'))).toBe(false);
    expect(can(admin, 'poll.read', facts(null))).toBe(true);
  });

  it('adding options: the author, or members when allowed — while open and below the maximum', () => {
    expect(can(member, 'poll.add_option', facts('member'))).toBe(false);
    expect(can(author, 'poll.add_option', facts('owner'))).toBe(true);
    expect(can(member, 'poll.add_option', facts('member', { allowAddOptions: true }))).toBe(true);
    expect(can(member, 'poll.add_option', facts('member', { allowAddOptions: true, optionCount: OPTIONS_MAX }))).toBe(false);
    expect(can(member, 'poll.add_option', facts('member', { allowAddOptions: true, closed: true }))).toBe(false);
  });

  it('managing, exporting and making an event: the author only (admins and group owners neither)', () => {
    for (const action of ['poll.manage', 'poll.export'] as const) {
      expect(can(author, action, facts('member'))).toBe(true);
      expect(can(member, action, facts('owner'))).toBe(false);
      expect(can(admin, action, facts(null))).toBe(false);
    }
    expect(can(author, 'poll.manage', facts('member', {}, { groupArchived: true }))).toBe(false);
    expect(can(author, 'poll.create_event', facts('member'))).toBe(false);
    expect(can(author, 'poll.create_event', facts('member', { kind: 'date' }))).toBe(true);
    expect(can(author, 'poll.create_event', facts('member', { kind: 'date', hasEvent: true }))).toBe(false);
    expect(can(member, 'poll.create_event', facts('member', { kind: 'date' }))).toBe(false);
  });
});
