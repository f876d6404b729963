import type { Message } from '@innenhof/contract';
import type { TFunction } from 'i18next';

/** "Anna added Ben and Clara", "Clara left", "You renamed the chat to …" in the reader's language. */
export function systemText(t: TFunction, language: string, message: Pick<Message, 'system' | 'author'>, meId: string): string {
  const system = message.system;
  if (!system) return '';
  const mine = message.author?.id === meId;
  const actor = message.author?.name ?? t('chat:formerMember');
  const list = new Intl.ListFormat(language === 'de' ? 'de-DE' : 'en-GB', { type: 'conjunction' });
  const names = list.format(system.users.map((u) => (u.id === meId ? t('chat:system.youObject') : u.name)));
  const options = { actor, names, title: system.title ?? '', context: mine ? 'me' : undefined };
  return t(`chat:system.${system.action}`, options);
}
