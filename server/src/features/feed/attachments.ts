import type { PostAttachment } from '@innenhof/contract';
import { NotFoundError } from '../../core/errors.js';
import { addMs, newId, now } from '../../core/ids.js';
import { enqueue } from '../../core/jobs.js';
import type { Actor } from '../../core/policy/index.js';
import { storeAttachment } from '../../core/storage.js';
import type { AppContext } from '../../context.js';
import { presentAttachment } from './presenter.js';
import type * as repo from './repository.js';
import { loadPost } from './service.js';

export { contentDisposition } from '../../core/storage.js';

export const UNPOSTED_JOB = 'feed.unposted_attachment';
const UNPOSTED_KEEP_MS = 24 * 3600 * 1000;

/** Uploads a file for a post not yet written (the composer shows it as a removable preview). */
export async function upload(ctx: AppContext, actor: Actor, file: { data: Buffer; filename: string; mimetype: string }): Promise<PostAttachment> {
  const stored = await storeAttachment(ctx.storage, ctx.db.db, file, actor.id);
  const row: repo.AttachmentRow = {
    id: newId(),
    post_id: null,
    uploader_id: actor.id,
    kind: stored.kind,
    name: stored.name,
    mime: stored.mime,
    size: file.data.length,
    file_id: stored.fileId,
    width: stored.width,
    height: stored.height,
    position: 0,
    created_at: now(),
  };
  await ctx.db.transaction(async (tx) => {
    await tx.db.insertInto('post_attachments').values(row).execute();
    await enqueue(tx.db, UNPOSTED_JOB, { id: row.id }, { runAt: addMs(row.created_at, UNPOSTED_KEEP_MS) });
  });
  // Not posted yet: the uploader reads it through the "pending" path of the same URL scheme.
  return presentAttachment(row, 'pending');
}

export async function dropIfUnposted(ctx: AppContext, id: string): Promise<void> {
  const att = await ctx.db.db.selectFrom('post_attachments').select(['file_id', 'post_id']).where('id', '=', id).executeTakeFirst();
  if (!att || att.post_id !== null) return;
  await ctx.db.db.deleteFrom('post_attachments').where('id', '=', id).where('post_id', 'is', null).execute();
  await ctx.storage.remove(ctx.db.db, att.file_id);
}

/** The bytes of a post's attachment, for whoever may read the post (404 otherwise); `pending` for the uploader's own unposted files. */
export async function file(ctx: AppContext, actor: Actor, postId: string, attachmentId: string, variant: 'small' | 'large' | 'file') {
  const db = ctx.db.db;
  let att: repo.AttachmentRow | undefined;
  if (postId === 'pending') {
    att = await db
      .selectFrom('post_attachments')
      .selectAll()
      .where('id', '=', attachmentId)
      .where('post_id', 'is', null)
      .where('uploader_id', '=', actor.id)
      .executeTakeFirst();
  } else {
    const { row } = await loadPost(db, actor, postId);
    att = await db.selectFrom('post_attachments').selectAll().where('id', '=', attachmentId).where('post_id', '=', row.id).executeTakeFirst();
  }
  if (!att || (att.kind === 'file' && variant !== 'file')) throw new NotFoundError('Attachment');
  const path = await ctx.storage.variantPath(db, att.file_id, att.kind === 'image' ? (variant === 'file' ? 'large' : variant) : 'original');
  if (!path) throw new NotFoundError('Attachment');
  return { path: path.path, mime: att.mime, name: att.name, kind: att.kind };
}
