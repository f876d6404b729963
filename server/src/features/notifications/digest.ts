import type { EmailChannel, GroupPostsSetting, NotificationType } from '@innenhof/contract';
import { escapeHtml } from '@innenhof/contract/markdown';
import { now } from '../../core/ids.js';
import { enqueue } from '../../core/jobs.js';
import { type MailLocale, mailTranslator, renderLayout } from '../../core/mail/templates.js';
import type { Actor } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import * as settings from '../settings/repository.js';
import * as users from '../users/repository.js';
import { DEFAULT_CHANNELS } from './registry.js';
import { DEFAULT_TIME_ZONE, visibleNotifications } from './service.js';

/** Runs every hour on the hour; sends the digests of everyone for whom it is 07:xx now. */
export const DIGEST_TICK_JOB = 'notifications.digest_tick';
const DIGEST_HOUR = 7;

/** The local date (YYYY-MM-DD), hour and weekday (1 = Monday) of a moment in a time zone. */
export function localTime(at: Date, zone: string): { date: string; hour: number; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23', weekday: 'short' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '') + 1;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), weekday };
}

/**
 * Daily and weekly digests: for each person with rows waiting for one, at 07:00 in their time zone (weekly
 * ones on Mondays), one e-mail in their language listing what happened — skipped when empty, checked for
 * visibility now, sent once per local day (the `digest_sent_on` claim; also with several instances).
 */
export async function runDigests(ctx: AppContext, at: Date = new Date()): Promise<number> {
  const db = ctx.db.db;
  const waiting = await db
    .selectFrom('notifications')
    .select('user_id')
    .distinct()
    .where('read_at', 'is', null)
    .where('digested_at', 'is', null)
    .where('emailed_at', 'is', null)
    .execute();
  let sent = 0;
  for (const { user_id: userId } of waiting) {
    const user = (await users.findByIds(db, [userId])).get(userId);
    if (!user || user.status !== 'active') continue;
    const local = localTime(at, user.time_zone ?? DEFAULT_TIME_ZONE);
    if (local.hour !== DIGEST_HOUR || user.digest_sent_on === local.date) continue;
    if ((user.email_paused_until ?? '') > at.toISOString()) continue;
    const rows = await db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .where('digested_at', 'is', null)
      .where('emailed_at', 'is', null)
      .orderBy('updated_at', 'desc')
      .limit(50)
      .execute();
    const own = await db.selectFrom('notification_settings').select(['type', 'scope', 'email']).where('user_id', '=', userId).execute();
    const setting = new Map(own.map((s) => [`${s.type}|${s.scope}`, s.email]));
    const due = rows.filter((r) => {
      const type = r.type as NotificationType;
      if (type === 'group_post' && r.group_id && ((setting.get(`group_post|${r.group_id}`) as GroupPostsSetting | undefined) ?? 'all') !== 'all') return false;
      const channel = (setting.get(`${type}|`) as EmailChannel | undefined) ?? DEFAULT_CHANNELS[type].email;
      return channel === 'daily' || (channel === 'weekly' && local.weekday === 1);
    });
    const actor: Actor = { id: user.id, role: user.role, status: user.status };
    const shown = await visibleNotifications(db, actor, due);
    if (shown.length === 0) continue;
    const company = await settings.getCompany(db);
    const locale: MailLocale = user.locale ?? company.defaultLocale;
    const t = await mailTranslator(locale);
    const firstActors = await users.findByIds(
      db,
      shown.map((s) => (JSON.parse(s.row.actor_ids) as string[])[0] ?? ''),
    );
    const lines = shown.map(({ row, group, excerpt }) => {
      const ids = JSON.parse(row.actor_ids) as string[];
      const first = firstActors.get(ids[0] ?? '')?.name ?? '';
      const actors = ids.length > 1 ? t('notification.others', { name: first, count: ids.length - 1 }) : first;
      const what = company.mailPrivacy
        ? t(`notification.what.${row.type}`)
        : [
            t(`notification.subject.${row.type}`, { actor: first, actors, group: group?.name ?? '', excerpt: excerpt ?? '' }),
            t('notification.times', { count: row.count }),
          ]
            .join(' ')
            .trim();
      const url = `${ctx.config.publicUrl}${row.target_kind === 'workshop' ? `/workshops/sessions/${row.target_id}` : row.post_id ? `/posts/${row.post_id}` : `/groups/${row.group_id ?? ''}`}`;
      return { text: what, excerpt: company.mailPrivacy ? null : excerpt, url };
    });
    const mail = renderLayout(
      {
        locale,
        brand: { name: company.companyName, logoUrl: company.logoFileId ? `${ctx.config.publicUrl}/api/v1/files/${company.logoFileId}/small` : null },
        paragraphs: [t('greeting', { name: user.name }), t('notification.digest.intro', { count: lines.length })],
        quoteText: lines.map((l) => `• ${l.text}${l.excerpt ? ` — ${l.excerpt}` : ''}\n  ${l.url}`).join('\n'),
        quoteHtml: `<ul style="padding-left:18px">${lines
          .map(
            (l) =>
              `<li style="margin-bottom:8px"><a href="${escapeHtml(l.url)}">${escapeHtml(l.text)}</a>${l.excerpt ? `<br><span style="color:#65676b">${escapeHtml(l.excerpt)}</span>` : ''}</li>`,
          )
          .join('')}</ul>`,
        action: { label: t('notification.action'), url: `${ctx.config.publicUrl}/notifications` },
        small: [],
        footer: [{ text: t('notification.digest.reason') }, { text: t('notification.settings'), url: `${ctx.config.publicUrl}/settings` }],
      },
      company.mailPrivacy
        ? t('notification.privateSubject', { company: company.companyName })
        : `${t('notification.digest.subject', { count: lines.length })} · ${company.companyName}`,
    );
    const host = new URL(ctx.config.publicUrl).hostname;
    const claimed = await ctx.db.transaction(async (tx) => {
      const claim = await tx.db
        .updateTable('users')
        .set({ digest_sent_on: local.date })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('digest_sent_on', 'is', null), eb('digest_sent_on', '!=', local.date)]))
        .executeTakeFirst();
      if (Number(claim.numUpdatedRows) === 0) return false;
      await tx.db
        .updateTable('notifications')
        .set({ digested_at: now() })
        .where(
          'id',
          'in',
          shown.map((s) => s.row.id),
        )
        .execute();
      await ctx.mailer.queue(tx.db, { ...mail, to: user.email, messageId: `<digest-${userId}-${local.date}@${host}>` }, ctx.jobs);
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}

/** The hourly tick: digests now, and the next tick at the next full hour. */
export async function digestTick(ctx: AppContext): Promise<void> {
  await runDigests(ctx);
  await scheduleDigestTick(ctx);
}

/** Makes sure one tick is waiting (at start-up and after each tick). */
export async function scheduleDigestTick(ctx: AppContext): Promise<void> {
  const waiting = await ctx.db.db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', DIGEST_TICK_JOB)
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('locked_by', 'is', null)
    .executeTakeFirst();
  if (waiting) return;
  const next = new Date();
  next.setUTCMinutes(0, 0, 0);
  next.setUTCHours(next.getUTCHours() + 1);
  await enqueue(ctx.db.db, DIGEST_TICK_JOB, {}, { runAt: next.toISOString() });
}
