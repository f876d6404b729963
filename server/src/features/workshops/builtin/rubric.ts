import type { Criterion, Language, RubricScale } from '../model.js';

/**
 * The shared rubric criteria of the built-in scenarios. Keys are the same in every scenario, so a participant's
 * progress per criterion (report.ts `progressOf`) spans different scenarios; each scenario adds its own description.
 */
export type StandardCriterionKey = 'tone' | 'speed' | 'accuracy' | 'deescalation' | 'escalation';

const names: Record<StandardCriterionKey, Record<Language, string>> = {
  tone: { de: 'Tonfall', en: 'Tone' },
  speed: { de: 'Reaktionszeit', en: 'Speed of response' },
  accuracy: { de: 'Richtigkeit', en: 'Accuracy' },
  deescalation: { de: 'Deeskalation', en: 'De-escalation' },
  escalation: { de: 'Richtige Eskalation', en: 'Correct escalation' },
};

const scales: Record<StandardCriterionKey, Record<Language, RubricScale>> = {
  tone: {
    de: {
      1: 'Abweisend, ironisch oder belehrend; Textbausteine ohne Bezug zur Person.',
      2: 'Höflich, aber kühl und förmlich; das Anliegen wird kaum anerkannt.',
      3: 'Freundlich und sachlich; der Ärger wird erwähnt, aber nicht ernst genommen.',
      4: 'Persönlich, ruhig und wertschätzend; Gefühle werden anerkannt, ohne sich zu verbiegen.',
      5: 'Menschlich und souverän auch unter Druck; passende Ansprache, klare Sprache, kein Floskel-Deutsch.',
    },
    en: {
      1: 'Dismissive, sarcastic or lecturing; canned text with no reference to the person.',
      2: 'Polite but cold and formal; the concern is barely acknowledged.',
      3: 'Friendly and factual; the frustration is mentioned but not taken seriously.',
      4: 'Personal, calm and respectful; feelings are acknowledged without giving in.',
      5: 'Human and composed even under pressure; fitting form of address, plain language, no corporate jargon.',
    },
  },
  speed: {
    de: {
      1: 'Wichtige Nachrichten bleiben unbeantwortet.',
      2: 'Antworten kommen erst nach mehreren Nachfragen oder sehr spät.',
      3: 'Antworten kommen, aber öffentliche Fragen warten deutlich länger als nötig.',
      4: 'Zügige erste Reaktion, auch wenn die Lösung noch offen ist.',
      5: 'Sofortige erste Reaktion mit klarer Ansage, wann es weitergeht; niemand wartet ohne Information.',
    },
    en: {
      1: 'Important messages remain unanswered.',
      2: 'Answers only come after repeated follow-ups or very late.',
      3: 'Answers come, but public questions wait noticeably longer than necessary.',
      4: 'A quick first reaction, even while the solution is still open.',
      5: 'An immediate first reaction with a clear statement of what happens next; nobody waits uninformed.',
    },
  },
  accuracy: {
    de: {
      1: 'Falsche Aussagen oder Versprechen, die das Unternehmen nicht halten kann.',
      2: 'Ungenaue oder widersprüchliche Angaben.',
      3: 'Im Kern richtig, aber wichtige Informationen fehlen.',
      4: 'Richtig und vollständig; Unsicheres wird als unsicher benannt.',
      5: 'Richtig, vollständig und überprüfbar; nur zugesagt, was sicher ist, mit konkretem nächsten Schritt.',
    },
    en: {
      1: 'False statements or promises the company cannot keep.',
      2: 'Vague or contradictory information.',
      3: 'Essentially right, but important information is missing.',
      4: 'Right and complete; what is uncertain is called uncertain.',
      5: 'Right, complete and verifiable; promises only what is certain, with a concrete next step.',
    },
  },
  deescalation: {
    de: {
      1: 'Die Lage eskaliert durch die Antworten (Streit, Rechtfertigung, Schuldzuweisung).',
      2: 'Die Antworten bremsen nicht; der Ton bleibt aufgeheizt.',
      3: 'Die Lage beruhigt sich teilweise.',
      4: 'Die Person fühlt sich gehört; Gespräch wird sinnvoll verlagert (z. B. in die Direktnachricht).',
      5: 'Die Lage ist am Ende ruhig, die Person hat einen konkreten Weg und die Öffentlichkeit sieht eine gute Lösung.',
    },
    en: {
      1: 'The replies make things worse (arguing, justifying, blaming).',
      2: 'The replies do not slow things down; the tone stays heated.',
      3: 'The situation calms down partly.',
      4: 'The person feels heard; the conversation is moved sensibly (e.g. to direct messages).',
      5: 'By the end things are calm, the person has a concrete way forward and the public sees a good resolution.',
    },
  },
  escalation: {
    de: {
      1: 'Keine Eskalation, obwohl nötig, oder an die falsche Stelle.',
      2: 'Richtige Stelle, aber viel zu spät oder ohne die nötigen Informationen.',
      3: 'Richtige Stelle, aber Uhrzeit bzw. Bereitschaftsregel nicht beachtet.',
      4: 'Richtige Stelle und Ebene zur richtigen Zeit.',
      5: 'Richtige Stelle, Ebene und Zeit, mit knapper, vollständiger Übergabe; der Kunde erfährt, wie es weitergeht.',
    },
    en: {
      1: 'No escalation although needed, or to the wrong place.',
      2: 'Right place, but far too late or without the necessary information.',
      3: 'Right place, but the time of day or on-call rule was ignored.',
      4: 'Right place and level at the right time.',
      5: 'Right place, level and time, with a short, complete hand-over; the customer learns what happens next.',
    },
  },
};

/** A standard criterion in `lang`, with the scenario's own `description` (what "good" means in this scenario). */
export function criterion(lang: Language, key: StandardCriterionKey, description: string): Criterion {
  return { key, name: names[key][lang], description, scale: scales[key][lang] };
}
