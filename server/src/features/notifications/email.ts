import crypto from 'node:crypto';
import { type EmailChannel, type NotificationType, NotificationTypes } from '@innenhof/contract';
import { escapeHtml, plainText, renderMarkdown } from '@innenhof/contract/markdown';
import { safeEqual } from '../../core/auth/index.js';
import { now } from '../../core/ids.js';
import { type MailLocale, mailTranslator, renderLayout } from '../../core/mail/templates.js';
import type { Actor } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import * as settings from '../settings/repository.js';
import * as users from '../users/repository.js';
import { DEFAULT_CHANNELS, URGENT_TYPES } from './registry.js';
import { visibleNotifications } from './service.js';

/** The signature of an unsubscribe link: it stands for the person and the type, nothing else. */
function signature(secret: string, userId: string, type: string): string {
  return crypto.createHmac('sha256', secret).update(`unsubscribe:${userId}:${type}`).digest('base64url');
}

export function unsubscribeUrl(ctx: AppContext, userId: string, type: string): string {
  const q = new URLSearchParams({ u: userId, type, sig: signature(ctx.secret, userId, type) });
  return `${ctx.config.publicUrl}/api/v1/notifications/unsubscribe?${q}`;
}

/** The person and type a link stands for, or null when it was not made by this server. */
export function verifyUnsubscribe(ctx: AppContext, q: { u?: string; type?: string; sig?: string }): { userId: string; type: NotificationType } | null {
  if (!q.u || !q.type || !q.sig || !(NotificationTypes as readonly string[]).includes(q.type)) return null;
  return safeEqual(q.sig, signature(ctx.secret, q.u, q.type)) ? { userId: q.u, type: q.type as NotificationType } : null;
}

/** One-click unsubscribe: the type's e-mails off (the app keeps showing them). */
export async function unsubscribe(ctx: AppContext, userId: string, type: NotificationType): Promise<void> {
  const at = now();
  await ctx.db.db
    .insertInto('notification_settings')
    .values({ user_id: userId, type, scope: '', in_app: null, email: 'off', updated_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'type', 'scope']).doUpdateSet({ email: 'off', updated_at: at }))
    .execute();
}

/** The page an unsubscribe link opens (no login): a question with a button, or the result. */
export async function unsubscribePage(locale: MailLocale, state: 'ask' | 'done' | 'invalid', type: NotificationType | null, action: string): Promise<string> {
  const t = await mailTranslator(locale);
  const what = type ? t(`notification.what.${type}`) : '';
  const e = escapeHtml;
  const body =
    state === 'ask'
      ? `<p>${e(t('notification.unsubscribePage.question', { what }))}</p><form method="post" action="${e(action)}"><button type="submit">${e(t('notification.unsubscribePage.confirm'))}</button></form>`
      : `<p>${e(t(state === 'done' ? 'notification.unsubscribePage.done' : 'notification.unsubscribePage.invalid', { what }))}</p>`;
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(t('notification.unsubscribePage.title'))}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5">${body}</body></html>`;
}

/**
 * What a chat e-mail needs, or null when there is nothing to mail: the person is connected now, muted the
 * conversation, or has read it. Unread = messages of others after the person's last read one.
 */
async function unreadChat(
  ctx: AppContext,
  userId: string,
  conversationId: string,
): Promise<{ count: number; authors: string[]; excerpt: string | null } | null> {
  const db = ctx.db.db;
  const status = ctx.realtime ? ((await ctx.realtime.presence.status([userId])).get(userId) ?? 'offline') : 'offline';
  if (status !== 'offline') return null;
  const member = await db
    .selectFrom('conversation_members')
    .select(['last_read_message_id', 'muted'])
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!member || member.muted === 1) return null;
  let q = db
    .selectFrom('messages')
    .select(['id', 'author_id', 'body'])
    .where('conversation_id', '=', conversationId)
    .where('deleted_at', 'is', null)
    .where('system', 'is', null)
    .where((eb) => eb.or([eb('author_id', 'is', null), eb('author_id', '!=', userId)]));
  if (member.last_read_message_id) q = q.where('id', '>', member.last_read_message_id);
  const rows = await q.orderBy('id', 'desc').limit(100).execute();
  if (rows.length === 0) return null;
  const authors = [...new Set(rows.map((r) => r.author_id).filter((x): x is string => Boolean(x)))];
  const text = plainText(rows[0]?.body ?? '');
  return { count: rows.length, authors, excerpt: text ? (text.length > 120 ? `${text.slice(0, 119)}…` : text) : null };
}

/**
 * The e-mail job of one notification row. Everything is checked again now: the row is still unread and
 * has news since the last e-mail, the person still wants e-mails of the type at once and is not paused,
 * and may still see what it points at. The e-mail job is queued with the row's `emailed_at` in one
 * transaction, with a Message-ID fixed by row and count (a retried SMTP job sends the same message).
 */
export async function sendNotificationEmail(ctx: AppContext, notificationId: string): Promise<void> {
  const db = ctx.db.db;
  const row = await db.selectFrom('notifications').selectAll().where('id', '=', notificationId).executeTakeFirst();
  if (!row || !row.email_due_at) return;
  // A chat row is closed once handled: the next unread message starts a new one, with its own 15 minutes.
  const chat = row.type === 'chat_message';
  const done = () =>
    db
      .updateTable('notifications')
      .set(chat ? { email_due_at: null, read_at: now() } : { email_due_at: null })
      .where('id', '=', row.id)
      .execute();
  const user = (await users.findByIds(db, [row.user_id])).get(row.user_id);
  const setting = await db
    .selectFrom('notification_settings')
    .select('email')
    .where('user_id', '=', row.user_id)
    .where('type', '=', row.type)
    .where('scope', '=', '')
    .executeTakeFirst();
  const channel = (setting?.email as EmailChannel | null | undefined) ?? DEFAULT_CHANNELS[row.type as NotificationType].email;
  const news = !row.emailed_at || row.updated_at > row.emailed_at;
  // Urgent types (escalations) are mailed whatever the setting or pause.
  const urgent = URGENT_TYPES.has(row.type as NotificationType);
  if (
    !user ||
    user.status !== 'active' ||
    row.read_at ||
    (!urgent && channel !== 'immediately') ||
    !news ||
    (!urgent && (user.email_paused_until ?? '') > now())
  ) {
    await done();
    return;
  }
  const actor: Actor = { id: user.id, role: user.role, status: user.status };
  const [shown] = await visibleNotifications(db, actor, [row]);
  const unread = shown && chat ? await unreadChat(ctx, user.id, row.target_id) : null;
  if (!shown || (chat && !unread)) {
    await done();
    return;
  }
  if (unread) {
    shown.excerpt = unread.excerpt;
    row.count = unread.count;
    row.actor_ids = JSON.stringify(unread.authors);
  }
  const company = await settings.getCompany(db);
  const locale: MailLocale = user.locale ?? company.defaultLocale;
  const t = await mailTranslator(locale);
  const type = row.type as NotificationType;
  const actorIds = JSON.parse(row.actor_ids) as string[];
  const people = await users.findByIds(db, actorIds.slice(0, 1));
  const first = people.get(actorIds[0] ?? '')?.name ?? '';
  const actors = actorIds.length > 1 ? t('notification.others', { name: first, count: actorIds.length - 1 }) : first;
  const group = shown.group?.name ?? '';
  const url = `${ctx.config.publicUrl}${chat ? `/chat/${row.target_id}` : row.target_kind === 'event' ? `/events/${row.target_id}` : row.target_kind === 'escalation' ? `/escalations/${row.target_id}` : row.target_kind === 'workshop' ? `/workshops/sessions/${row.target_id}` : row.post_id ? `/posts/${row.post_id}` : `/groups/${row.group_id ?? ''}`}`;
  const unsubscribe = unsubscribeUrl(ctx, user.id, type);
  const footer = [
    { text: t('notification.reason.' + type, { group }) },
    { text: t('notification.unsubscribe'), url: unsubscribe },
    { text: t('notification.settings'), url: `${ctx.config.publicUrl}/settings/notifications` },
  ];
  const greeting = t('greeting', { name: user.name });
  const brand = { name: company.companyName, logoUrl: company.logoFileId ? `${ctx.config.publicUrl}/api/v1/files/${company.logoFileId}/small` : null };
  const mail = company.mailPrivacy
    ? renderLayout(
        {
          locale,
          brand,
          paragraphs: [greeting, t('notification.privateBody', { what: t(`notification.what.${type}`) })],
          action: { label: t('notification.action'), url },
          small: [],
          footer: [{ text: t('notification.unsubscribe'), url: unsubscribe }, footer[2] as { text: string; url: string }],
        },
        t('notification.privateSubject', { company: company.companyName }),
      )
    : renderLayout(
        {
          locale,
          brand,
          paragraphs: [
            greeting,
            [t(`notification.subject.${type}`, { actor: first, actors, group, excerpt: shown.excerpt ?? '' }), t('notification.times', { count: row.count })]
              .join(' ')
              .trim(),
          ],
          ...(shown.excerpt ? { quoteHtml: renderMarkdown(shown.excerpt), quoteText: shown.excerpt } : {}),
          // A type may name its own button ("Vote"); the rest open the item.
          action: { label: t([`notification.actions.${type}`, 'notification.action']), url },
          small: [],
          footer,
        },
        `${t(`notification.subject.${type}`, { actor: first, actors, group, excerpt: shown.excerpt ?? '' })} · ${company.companyName}`,
      );
  const host = new URL(ctx.config.publicUrl).hostname;
  await ctx.db.transaction(async (tx) => {
    const claimed = await tx.db
      .updateTable('notifications')
      .set({ emailed_at: now(), email_due_at: null, ...(chat ? { read_at: now() } : {}) })
      .where('id', '=', row.id)
      .where('email_due_at', '=', row.email_due_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return;
    await ctx.mailer.queue(
      tx.db,
      {
        ...mail,
        to: user.email,
        messageId: `<notification-${row.id}-${row.count}@${host}>`,
        headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      },
      ctx.jobs,
    );
  });
}
