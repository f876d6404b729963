import { describe, expect, it } from 'vitest';
import { LANGUAGES, roleSide, SCALE_VALUES, type ScenarioDefinition } from '../model.js';
import { BUILTIN_SCENARIO_IDS, BUILTIN_SCENARIOS, builtinScenario, isBuiltinScenarioId } from './index.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function structure(s: ScenarioDefinition) {
  return {
    roles: s.roles.map((r) => ({ key: r.key, observer: r.observer ?? false, side: roleSide(r) })),
    injects: s.injects.map((i) => ({
      id: i.id,
      afterMinutes: i.afterMinutes,
      simulatedTime: i.simulatedTime,
      targetRoleKey: i.targetRoleKey,
    })),
    rubric: s.rubric.map((c) => c.key),
    simulatedStart: s.simulatedStart,
    goals: s.goals.length,
    linkedTopicIds: s.linkedTopicIds,
    expected: s.expectedEscalation && { hints: s.expectedEscalation.topicHints, level: s.expectedEscalation.level },
  };
}

describe('built-in scenarios', () => {
  it('ships exactly the five documented ids', () => {
    expect(BUILTIN_SCENARIO_IDS).toEqual(['angry-customer', 'data-protection', 'press-night', 'price-shitstorm', 'it-outage']);
  });

  describe.each(BUILTIN_SCENARIO_IDS)('%s', (id) => {
    const { de, en } = BUILTIN_SCENARIOS[id];

    it('has the same role keys, injects, rubric keys and clock in German and English', () => {
      expect(structure(de)).toEqual(structure(en));
    });

    it('is actually translated (no field left identical between the languages)', () => {
      expect(de.title).not.toBe(en.title);
      expect(de.situation).not.toBe(en.situation);
      expect(de.stage.postText).not.toBe(en.stage.postText);
      for (const [i, role] of de.roles.entries()) expect(role.briefing).not.toBe(en.roles[i]?.briefing);
      for (const [i, inject] of de.injects.entries()) expect(inject.text).not.toBe(en.injects[i]?.text);
      for (const [i, c] of de.rubric.entries()) expect(c.description).not.toBe(en.rubric[i]?.description);
      for (const [i, goal] of de.goals.entries()) expect(goal).not.toBe(en.goals[i]);
    });

    it.each(LANGUAGES)('is complete and consistent in %s', (lang) => {
      const s = BUILTIN_SCENARIOS[id][lang];
      expect(s.title.trim()).not.toBe('');
      expect(s.situation.trim()).not.toBe('');
      expect(s.stage.brandName.trim()).not.toBe('');
      expect(s.stage.postText.trim()).not.toBe('');

      expect(s.roles.length).toBeGreaterThanOrEqual(2);
      expect(s.roles.length).toBeLessThanOrEqual(4);
      const keys = s.roles.map((r) => r.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const role of s.roles) {
        expect(role.key).toMatch(/^[a-z0-9-]+$/);
        expect(role.name.trim()).not.toBe('');
        expect(role.briefing.trim().length).toBeGreaterThan(100);
      }
      // Every scenario has somebody to complain and somebody to answer.
      expect(s.roles.some((r) => roleSide(r) === 'customer')).toBe(true);
      expect(s.roles.some((r) => roleSide(r) === 'company')).toBe(true);
      // Briefings are secret per role, so no two roles share one.
      expect(new Set(s.roles.map((r) => r.briefing)).size).toBe(s.roles.length);

      expect(s.goals.length).toBeGreaterThan(0);
      for (const goal of s.goals) expect(goal.trim()).not.toBe('');

      expect(s.injects.length).toBeGreaterThanOrEqual(2);
      expect(s.injects.length).toBeLessThanOrEqual(3);
      expect(new Set(s.injects.map((i) => i.id)).size).toBe(s.injects.length);
      let previous = 0;
      for (const inject of s.injects) {
        expect(inject.text.trim()).not.toBe('');
        expect(inject.afterMinutes).toBeGreaterThan(previous);
        previous = inject.afterMinutes;
        if (inject.targetRoleKey) expect(keys).toContain(inject.targetRoleKey);
        if (inject.simulatedTime) expect(inject.simulatedTime.time).toMatch(TIME);
      }

      expect(s.rubric.length).toBeGreaterThanOrEqual(4);
      expect(s.rubric.length).toBeLessThanOrEqual(5);
      expect(new Set(s.rubric.map((c) => c.key)).size).toBe(s.rubric.length);
      for (const c of s.rubric) {
        expect(c.name.trim()).not.toBe('');
        expect(c.description.trim()).not.toBe('');
        expect(Object.keys(c.scale).map(Number).sort()).toEqual([...SCALE_VALUES]);
        for (const value of SCALE_VALUES) expect(c.scale[value].trim()).not.toBe('');
        expect(new Set(Object.values(c.scale)).size).toBe(5);
      }

      expect(s.simulatedStart.time).toMatch(TIME);
      expect(s.simulatedStart.zone).toBe('Europe/Berlin');
      expect(s.expectedEscalation?.topicHints.length).toBeGreaterThan(0);
      expect(s.expectedEscalation?.note.trim()).not.toBe('');
    });
  });

  it('changes the simulated clock by inject in at least two scenarios, one of them to Saturday 22:00', () => {
    const withClock = BUILTIN_SCENARIO_IDS.filter((id) => BUILTIN_SCENARIOS[id].en.injects.some((i) => i.simulatedTime));
    expect(withClock.length).toBeGreaterThanOrEqual(2);
    const press = BUILTIN_SCENARIOS['press-night'].de.injects.find((i) => i.simulatedTime);
    expect(press?.simulatedTime).toEqual({ weekday: 6, time: '22:00' });
  });

  it('returns a copy in the requested language and undefined for unknown ids', () => {
    const de = builtinScenario('angry-customer', 'de');
    const en = builtinScenario('angry-customer', 'en');
    expect(de?.title).toBe('Der wütende Kunde auf der Markenseite');
    expect(en?.title).toBe('The angry customer on the brand page');
    if (!de) throw new Error('missing');
    de.roles[0]!.briefing = 'changed';
    expect(builtinScenario('angry-customer', 'de')?.roles[0]?.briefing).not.toBe('changed');
    expect(builtinScenario('nope', 'de')).toBeUndefined();
    expect(builtinScenario('toString', 'en')).toBeUndefined();
    expect(isBuiltinScenarioId('press-night')).toBe(true);
  });
});
