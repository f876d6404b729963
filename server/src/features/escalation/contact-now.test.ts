import type { BusinessHoursInput, OutOfHoursInput } from '@innenhof/contract';
import { describe, expect, it } from 'vitest';
import { type ContactTopic, contactNow, type HolidayDate } from './contact-now.js';

const weekdays = (start: string, end: string): BusinessHoursInput => ({
  mon: [{ start, end }],
  tue: [{ start, end }],
  wed: [{ start, end }],
  thu: [{ start, end }],
  fri: [{ start, end }],
});

function topic(outOfHours: OutOfHoursInput, over: Partial<ContactTopic> = {}): ContactTopic {
  return { responsibleId: 'resp', deputyId: 'dep', timeZone: 'Europe/Berlin', businessHours: weekdays('09:00', '17:00'), outOfHours, ...over };
}

const onCall = topic({ kind: 'on_call', userId: 'olga' });
const at = (iso: string) => new Date(iso);

describe('contactNow', () => {
  it('in business hours: the responsible and the deputy; the end of a span is already closed', () => {
    // Wednesday 10:00 in Berlin (CET, UTC+1).
    expect(contactNow(onCall, [], at('2026-12-02T09:00:00Z'))).toEqual({
      inHours: true,
      contact: 'resp',
      deputy: 'dep',
      via: 'responsible',
      nextOpening: null,
      holiday: null,
    });
    expect(contactNow(onCall, [], at('2026-12-02T08:00:00Z')).inHours).toBe(true); // 09:00 sharp
    expect(contactNow(onCall, [], at('2026-12-02T15:59:00Z')).inHours).toBe(true); // 16:59
    expect(contactNow(onCall, [], at('2026-12-02T16:00:00Z')).inHours).toBe(false); // 17:00 sharp
  });

  it('at night: the on-call person, and the next opening tomorrow morning', () => {
    // Wednesday 22:00 Berlin → Thursday 09:00 Berlin = 08:00Z.
    expect(contactNow(onCall, [], at('2026-12-02T21:00:00Z'))).toEqual({
      inHours: false,
      contact: 'olga',
      deputy: null,
      via: 'on_call',
      nextOpening: '2026-12-03T08:00:00.000Z',
      holiday: null,
    });
    // Early morning before opening: the same day's opening.
    expect(contactNow(onCall, [], at('2026-12-03T05:00:00Z')).nextOpening).toBe('2026-12-03T08:00:00.000Z');
  });

  it('at the weekend: out of hours until Monday (Saturday 22:00 is the complaint at night)', () => {
    const r = contactNow(onCall, [], at('2026-11-28T21:00:00Z'));
    expect(r).toMatchObject({ inHours: false, contact: 'olga', via: 'on_call', nextOpening: '2026-11-30T08:00:00.000Z' });
  });

  it('on company holidays set by the admin: outside hours all day, and the next opening skips them', () => {
    const holidays: HolidayDate[] = [
      { date: '2026-12-24', name: 'Heiligabend' },
      { date: '2026-12-25', name: '1. Weihnachtstag' },
    ];
    // Thursday 24 December, 10:00 Berlin: normally open.
    const r = contactNow(onCall, holidays, at('2026-12-24T09:00:00Z'));
    expect(r).toMatchObject({ inHours: false, via: 'on_call', contact: 'olga', holiday: 'Heiligabend' });
    // Fri 25 is a holiday, then the weekend: Monday 28 December 09:00 Berlin.
    expect(r.nextOpening).toBe('2026-12-28T08:00:00.000Z');
    // The holiday is a local date: 23:30Z on the 23rd is already the 24th in Berlin.
    expect(contactNow(onCall, holidays, at('2026-12-23T23:30:00Z')).holiday).toBe('Heiligabend');
    expect(contactNow(onCall, holidays, at('2026-12-23T15:00:00Z'))).toMatchObject({ inHours: true, holiday: null });
  });

  it('reads business hours in the topic’s time zone: Berlin and New York at the same instant', () => {
    const ny = topic({ kind: 'on_call', userId: 'olga' }, { timeZone: 'America/New_York' });
    // 13:00Z in December: Berlin 14:00 (open), New York 08:00 (not yet; opens 09:00 EST = 14:00Z).
    expect(contactNow(onCall, [], at('2026-12-02T13:00:00Z')).inHours).toBe(true);
    expect(contactNow(ny, [], at('2026-12-02T13:00:00Z'))).toMatchObject({ inHours: false, nextOpening: '2026-12-02T14:00:00.000Z' });
    // 16:30Z: Berlin 17:30 (closed), New York 11:30 (open).
    expect(contactNow(onCall, [], at('2026-12-02T16:30:00Z')).inHours).toBe(false);
    expect(contactNow(ny, [], at('2026-12-02T16:30:00Z')).inHours).toBe(true);
    // Between the US (8 March) and the EU (29 March) DST changes New York is only five hours behind Berlin:
    // 13:00Z is 09:00 EDT (open) on 16 March, but 08:00 EST (closed) on 2 March.
    expect(contactNow(ny, [], at('2026-03-16T13:00:00Z')).inHours).toBe(true);
    expect(contactNow(ny, [], at('2026-03-02T13:00:00Z')).inHours).toBe(false);
  });

  it('across a DST change: the next opening keeps the local wall-clock time', () => {
    // Saturday 28 March 2026 20:00 CET → Monday 30 March 09:00 CEST = 07:00Z (not 08:00Z).
    expect(contactNow(onCall, [], at('2026-03-28T19:00:00Z')).nextOpening).toBe('2026-03-30T07:00:00.000Z');
    // Friday 23 October 18:00 CEST → Monday 26 October 09:00 CET = 08:00Z.
    expect(contactNow(onCall, [], at('2026-10-23T16:00:00Z')).nextOpening).toBe('2026-10-26T08:00:00.000Z');
    // On the spring change day itself (Sunday 29 March, 02:00 → 03:00): a Sunday span 01:00–04:00.
    const sunday = topic({ kind: 'on_call', userId: 'olga' }, { businessHours: { sun: [{ start: '01:00', end: '04:00' }] } });
    expect(contactNow(sunday, [], at('2026-03-29T00:30:00Z')).inHours).toBe(true); // 01:30 CET
    expect(contactNow(sunday, [], at('2026-03-29T01:30:00Z')).inHours).toBe(true); // 03:30 CEST
    expect(contactNow(sunday, [], at('2026-03-29T02:00:00Z')).inHours).toBe(false); // 04:00 CEST
  });

  it('rota: one person per ISO week from the start week, round and round; the deputy is next week’s', () => {
    const rota = topic({ kind: 'rota', userIds: ['r1', 'r2', 'r3'], startWeek: '2026-W48' });
    // Week 48 (23–29 November 2026), Saturday night.
    expect(contactNow(rota, [], at('2026-11-28T21:00:00Z'))).toMatchObject({ inHours: false, contact: 'r1', deputy: 'r2', via: 'rota' });
    expect(contactNow(rota, [], at('2026-12-02T21:00:00Z'))).toMatchObject({ contact: 'r2', deputy: 'r3' });
    expect(contactNow(rota, [], at('2026-12-09T21:00:00Z'))).toMatchObject({ contact: 'r3', deputy: 'r1' });
    expect(contactNow(rota, [], at('2026-12-16T21:00:00Z'))).toMatchObject({ contact: 'r1' });
    // The week changes at local midnight: Monday 00:30 in Berlin is still Sunday in UTC.
    expect(contactNow(rota, [], at('2026-11-29T22:30:00Z')).contact).toBe('r1'); // Sunday 23:30 Berlin
    expect(contactNow(rota, [], at('2026-11-29T23:30:00Z')).contact).toBe('r2'); // Monday 00:30 Berlin
    // Across the year (2026 has 53 ISO weeks): 6 January 2027 is six weeks after the start.
    expect(contactNow(rota, [], at('2027-01-06T21:00:00Z')).contact).toBe('r1');
    // In hours the rota plays no part.
    expect(contactNow(rota, [], at('2026-12-02T09:00:00Z'))).toMatchObject({ contact: 'resp', via: 'responsible' });
  });

  it('next_business_day: nobody now, stated explicitly with the next opening', () => {
    const wait = topic({ kind: 'next_business_day' });
    // Friday 27 November 18:00 Berlin → Monday 30 November 09:00 Berlin.
    expect(contactNow(wait, [], at('2026-11-27T17:00:00Z'))).toEqual({
      inHours: false,
      contact: null,
      deputy: null,
      via: 'wait',
      nextOpening: '2026-11-30T08:00:00.000Z',
      holiday: null,
    });
    // A lunch break: 12:30 between 09:00–12:00 and 13:00–17:00 → 13:00 the same day.
    const split = topic(
      { kind: 'next_business_day' },
      {
        businessHours: {
          wed: [
            { start: '09:00', end: '12:00' },
            { start: '13:00', end: '17:00' },
          ],
        },
      },
    );
    expect(contactNow(split, [], at('2026-12-02T11:30:00Z'))).toMatchObject({ via: 'wait', nextOpening: '2026-12-02T12:00:00.000Z' });
    // A topic without any hours never opens.
    expect(contactNow(topic({ kind: 'next_business_day' }, { businessHours: {} }), [], at('2026-12-02T11:30:00Z')).nextOpening).toBeNull();
  });
});
