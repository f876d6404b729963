import type { Executor } from '../../core/db/index.js';
import { AppError, fieldError } from '../../core/errors.js';
import type { Actor } from '../../core/policy/index.js';
import { contactNow } from '../escalation/contact-now.js';
import * as directory from '../escalation/repository.js';
import { loadTopic } from '../escalation/service.js';
import { storedOf } from '../escalation/topics.js';
import type { ScenarioDefinition } from './model.js';
import type { EscalationData } from './presenter.js';

/**
 * Judges an escalation made inside the exercise against the real escalation directory at the *simulated*
 * time. Reads only: it never raises an escalation, notifies anyone or writes to the directory.
 *
 * - topic: right when it is one of the scenario's `linkedTopicIds`, or its title contains one of
 *   `expectedEscalation.topicHints` (case-insensitive); with neither, the escalation is not judged (null);
 * - level: right when it equals `expectedEscalation.level` (default 1);
 * - contact: level 1 → whoever `contactNow(topic, holidays, simulatedTime)` names (null when the rule says
 *   "wait until the next business day": then naming nobody is right); level n > 1 → the topic chain's
 *   person of that level. An escalation without `contactUserId` means "nobody now".
 * `correct` is all three; null when not judged.
 */
export async function judgeEscalation(
  db: Executor,
  actor: Actor,
  definition: ScenarioDefinition,
  input: { topicId: string; level: number; contactUserId?: string | null },
  simulatedAt: string,
): Promise<{ data: EscalationData; correct: boolean | null }> {
  // A topic the participant may read in the directory (the same rule as the directory's own pages).
  const topic = await loadTopic(db, actor, input.topicId).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  });
  if (!topic || topic.archived_at) throw fieldError('topicId', 'no such topic in the escalation directory');
  const stored = storedOf(topic);
  const contactUserId = input.contactUserId ?? null;
  const hints = (definition.expectedEscalation?.topicHints ?? []).map((h) => h.toLowerCase()).filter((h) => h.length > 0);
  const linked = definition.linkedTopicIds ?? [];
  const judged = linked.length > 0 || hints.length > 0;
  const title = topic.title.toLowerCase();
  const topicCorrect = judged ? linked.includes(topic.id) || hints.some((h) => title.includes(h)) : null;
  const expectedLevel = judged ? (definition.expectedEscalation?.level ?? 1) : null;
  const levelCorrect = expectedLevel === null ? null : input.level === expectedLevel;

  let expectedContactUserId: string | null;
  if (input.level <= 1) {
    const holidays = (await directory.holidays(db)).map((h) => ({ date: h.date, name: h.name }));
    expectedContactUserId = contactNow(stored, holidays, new Date(simulatedAt)).contact;
  } else {
    // Level n of the directory's chain (level 1 is whoever contactNow names; the chain's first entry is its fallback).
    expectedContactUserId = stored.chain[input.level - 1]?.userId ?? null;
  }
  const contactCorrect = contactUserId === expectedContactUserId;
  const correct = topicCorrect === null || levelCorrect === null ? null : topicCorrect && levelCorrect && contactCorrect;
  return {
    data: {
      topicId: topic.id,
      topicTitle: topic.title,
      level: input.level,
      contactUserId,
      expectedContactUserId,
      expectedLevel,
      topicCorrect,
      levelCorrect,
      contactCorrect,
    },
    correct,
  };
}
