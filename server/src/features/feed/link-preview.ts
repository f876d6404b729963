import type { LinkPreview } from '@innenhof/contract';
import type { Tx } from '../../core/db/index.js';
import { fieldError } from '../../core/errors.js';
import { enqueue } from '../../core/jobs.js';
import { fetchPreview } from '../../core/link-preview/index.js';
import { appendEvent } from '../../core/outbox.js';
import type { AppContext } from '../../context.js';
import * as settings from '../settings/repository.js';
import * as repo from './repository.js';

/** Fills posts.link_preview after the post is stored; see fillLinkPreview. */
export const LINK_PREVIEW_JOB = 'feed.link_preview';

const URL_IN_TEXT = /https?:\/\/[^\s<>"'`[\]{}|\\^]+/gi;

/** Punctuation that ends a sentence or markdown emphasis rather than the link ("see https://x.example."). */
function trimLink(candidate: string): string {
  let s = candidate;
  for (;;) {
    const last = s.at(-1);
    if (last && '.,;:!?*_~'.includes(last)) s = s.slice(0, -1);
    else if (last === ')' && (s.match(/\(/g)?.length ?? 0) < (s.match(/\)/g)?.length ?? 0)) s = s.slice(0, -1);
    else return s;
  }
}

/** Links to Innenhof itself (a post, a group…) get no preview and are never fetched: the web shows them plainly. */
export function isInternalLink(url: URL, publicUrl: string): boolean {
  try {
    return url.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

/** The first http(s) link in a post's text that points outside Innenhof, or null. */
export function firstExternalLink(text: string, publicUrl: string): string | null {
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const raw = trimLink(m[0]);
    if (raw.length > 2048) continue;
    try {
      const url = new URL(raw);
      if (!isInternalLink(url, publicUrl)) return url.href;
    } catch {
      // Not a URL after all ("http://"): look further.
    }
  }
  return null;
}

/**
 * In the transaction that stores a post's (new) body: when its first external link changed, drop the old
 * card and queue a job that fetches the new one after commit. The post never waits for the network.
 */
export async function queueLinkPreview(ctx: AppContext, tx: Tx, postId: string, body: string, previousBody?: string): Promise<void> {
  const link = firstExternalLink(body, ctx.config.publicUrl);
  if (previousBody !== undefined) {
    if (link === firstExternalLink(previousBody, ctx.config.publicUrl)) return;
    await tx.db.updateTable('posts').set({ link_preview: null }).where('id', '=', postId).execute();
  }
  if (link) {
    await enqueue(tx.db, LINK_PREVIEW_JOB, { postId, url: link }, { maxAttempts: 3 });
    tx.onCommit(() => ctx.jobs.kick());
  }
}

/**
 * The job: fetch the card (outside any transaction; a failure is just no card, so the job succeeds and is
 * not retried against a dead site), then store it only if the post still has that link, and tell readers
 * with a `post.updated` event so that clients refetch.
 */
export async function fillLinkPreview(ctx: AppContext, payload: Record<string, unknown>): Promise<void> {
  const postId = String(payload.postId);
  const url = String(payload.url);
  const db = ctx.db.db;
  const company = await settings.getCompany(db);
  if (!company.linkPreviews) return;
  const row = await repo.findPost(db, postId);
  if (!row || row.deleted_at || firstExternalLink(row.body, ctx.config.publicUrl) !== url) return;
  const preview = await fetchPreview(url, { allowHosts: company.linkPreviewAllowHosts });
  if (!preview) return;
  await ctx.db.transaction(async (tx) => {
    const r = await tx.db
      .updateTable('posts')
      .set({ link_preview: JSON.stringify(preview) })
      .where('id', '=', postId)
      .where('deleted_at', 'is', null)
      // Edited meanwhile: the edit queued its own job.
      .where('body', '=', row.body)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) > 0) {
      await appendEvent(tx, { type: 'post.updated', actorId: null, subjectId: postId, payload: { groupId: row.group_id } }, ctx.outbox);
    }
  });
}

/** The stored card (posts.link_preview), or null when absent or unreadable. */
export function storedPreview(json: string | null): LinkPreview | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Partial<LinkPreview> | null;
    if (!v || typeof v.url !== 'string' || typeof v.title !== 'string') return null;
    return {
      url: v.url,
      title: v.title,
      description: typeof v.description === 'string' ? v.description : null,
      siteName: typeof v.siteName === 'string' ? v.siteName : '',
      imageUrl: typeof v.imageUrl === 'string' ? v.imageUrl : null,
    };
  } catch {
    return null;
  }
}

/** The composer's live card for a link being written: null when previews are off, for Innenhof's own links, or when the page gives none. */
export async function previewForComposer(ctx: AppContext, raw: string): Promise<LinkPreview | null> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw fieldError('url', 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fieldError('url', 'only http and https links get a preview');
  if (isInternalLink(url, ctx.config.publicUrl)) return null;
  const company = await settings.getCompany(ctx.db.db);
  if (!company.linkPreviews) return null;
  return fetchPreview(url.href, { allowHosts: company.linkPreviewAllowHosts });
}
