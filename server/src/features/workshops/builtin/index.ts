import type { Language, LocalizedScenario, ScenarioDefinition } from '../model.js';
import { angryCustomer } from './angry-customer.js';
import { dataProtection } from './data-protection.js';
import { itOutage } from './it-outage.js';
import { pressNight } from './press-night.js';
import { priceShitstorm } from './price-shitstorm.js';

/** The scenarios Innenhof ships, by stable id (the API prefixes them: `builtin:<id>`). Order = display order. */
export const BUILTIN_SCENARIOS = {
  'angry-customer': angryCustomer,
  'data-protection': dataProtection,
  'press-night': pressNight,
  'price-shitstorm': priceShitstorm,
  'it-outage': itOutage,
} as const satisfies Record<string, LocalizedScenario>;

export type BuiltinScenarioId = keyof typeof BUILTIN_SCENARIOS;

export const BUILTIN_SCENARIO_IDS = Object.keys(BUILTIN_SCENARIOS) as BuiltinScenarioId[];

export function isBuiltinScenarioId(id: string): id is BuiltinScenarioId {
  return Object.hasOwn(BUILTIN_SCENARIOS, id);
}

/** The built-in scenario `id` in `lang`, or undefined for an unknown id. Returns a deep copy: callers may mutate it. */
export function builtinScenario(id: string, lang: Language): ScenarioDefinition | undefined {
  if (!isBuiltinScenarioId(id)) return undefined;
  return structuredClone(BUILTIN_SCENARIOS[id][lang]);
}
