import { describe, expect, it } from 'vitest';
import { resolveSimulatedMoment, roleSide } from './model.js';

describe('resolveSimulatedMoment', () => {
  // Friday 27 November 2026, 13:05 in Berlin (UTC+1).
  const friday = new Date('2026-11-27T12:05:00Z');

  it('finds the next Saturday 22:00 in the zone', () => {
    const at = resolveSimulatedMoment({ weekday: 6, time: '22:00', zone: 'Europe/Berlin' }, friday);
    expect(at.toISOString()).toBe('2026-11-28T21:00:00.000Z');
  });

  it('stays on the same day when the time is still ahead, and takes next week when it has passed', () => {
    expect(resolveSimulatedMoment({ weekday: 5, time: '17:45' }, friday).toISOString()).toBe('2026-11-27T16:45:00.000Z');
    expect(resolveSimulatedMoment({ weekday: 5, time: '09:00' }, friday).toISOString()).toBe('2026-12-04T08:00:00.000Z');
    // Exactly now counts as "at or after".
    expect(resolveSimulatedMoment({ weekday: 5, time: '13:05' }, friday).toISOString()).toBe('2026-11-27T12:05:00.000Z');
  });

  it('uses the default zone for injects without one, and honours other zones and summer time', () => {
    expect(resolveSimulatedMoment({ weekday: 1, time: '08:00' }, friday, 'America/New_York').toISOString()).toBe('2026-11-30T13:00:00.000Z');
    // Summer time in Berlin (UTC+2).
    expect(resolveSimulatedMoment({ weekday: 6, time: '22:00', zone: 'Europe/Berlin' }, new Date('2026-07-01T00:00:00Z')).toISOString()).toBe(
      '2026-07-04T20:00:00.000Z',
    );
  });

  it('rejects a malformed time or zone', () => {
    expect(() => resolveSimulatedMoment({ weekday: 6, time: '10pm' }, friday)).toThrow(/HH:mm/);
    expect(() => resolveSimulatedMoment({ weekday: 6, time: '22:00', zone: 'Mars/Base' }, friday)).toThrow(/zone/);
  });
});

describe('roleSide', () => {
  it('defaults to the company side; observers are never a side', () => {
    expect(roleSide({})).toBe('company');
    expect(roleSide({ side: 'customer' })).toBe('customer');
    expect(roleSide({ side: 'customer', observer: true })).toBe('observer');
  });
});
