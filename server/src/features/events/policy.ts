import { type Actor, defineRules } from '../../core/policy/index.js';

/** What the event rules need to know about an event and the actor's relation to it. */
export interface EventFacts {
  audience: 'group' | 'company' | 'invited';
  organizerId: string | null;
  /** Group events: the actor's role in the group (null: not a member), its visibility and whether it is archived. */
  groupRole: 'owner' | 'moderator' | 'member' | null;
  groupVisibility: 'public' | 'private' | 'secret' | null;
  groupArchived: boolean;
  /** Invited-only events: the actor is on the invitation list. */
  invited: boolean;
  cancelled: boolean;
}

/** Where the actor wants to create an event. */
export interface EventAudienceFacts {
  audience: 'group' | 'company' | 'invited';
  groupRole: 'owner' | 'moderator' | 'member' | null;
  groupArchived: boolean;
}

declare module '../../core/policy/index.js' {
  interface PolicyResources {
    'event.read': EventFacts;
    'event.rsvp': EventFacts;
    'event.see_participants': EventFacts;
    'event.edit': EventFacts;
    'event.delete': EventFacts;
    'events.create': EventAudienceFacts;
  }
}

const employee = (a: Actor) => a.role !== 'guest';
const admin = (a: Actor) => a.role === 'admin';
const moderates = (e: { groupRole: EventFacts['groupRole'] }) => e.groupRole === 'owner' || e.groupRole === 'moderator';

/**
 * Who sees an event: a group's event whoever reads the group's posts (public group: every employee;
 * private/secret: its members, guests included; admins); a company event every employee (never guests);
 * an invited-only event its organiser and invitees — and nobody else, admins neither (404 for them).
 */
export function eventReadable(a: Actor, e: EventFacts): boolean {
  if (e.audience === 'group') return admin(a) || e.groupRole !== null || (employee(a) && e.groupVisibility === 'public');
  if (e.audience === 'company') return employee(a);
  return e.organizerId === a.id || e.invited;
}

const manages = (a: Actor, e: EventFacts) => e.organizerId === a.id || admin(a) || (e.audience === 'group' && moderates(e));

export const eventRules = {
  'event.read': eventReadable,
  'event.rsvp': (a: Actor, e: EventFacts) => eventReadable(a, e) && !e.cancelled && !e.groupArchived,
  'event.see_participants': eventReadable,
  'event.edit': (a: Actor, e: EventFacts) => eventReadable(a, e) && !e.groupArchived && manages(a, e),
  'event.delete': (a: Actor, e: EventFacts) => eventReadable(a, e) && manages(a, e),
  // A group event: a member who may post there (not in an archived group); company: any employee; invited: anyone active.
  'events.create': (a: Actor, t: EventAudienceFacts) =>
    t.audience === 'group' ? t.groupRole !== null && !t.groupArchived : t.audience === 'company' ? employee(a) : true,
};

defineRules(eventRules);
