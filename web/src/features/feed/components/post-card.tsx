import type { Post } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { IconChat, IconGlobe, IconGroups, IconMegaphone, IconShare } from '../../../components/ui/icons.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useMe } from '../../../lib/session.ts';
import { useConfirmPost, useDeletePost, useReactToPost, useSavePost, useUpdatePost } from '../api/post-actions.ts';
import { keptMentions, type Mention, MentionTextarea } from './mention-textarea.tsx';
import { MenuButton, type MenuItem } from '../../../components/menu-button.tsx';
import { PollCard } from '../../polls/components/poll-card.tsx';
import { EventFeedCard } from '../../events/components/event-feed-card.tsx';
import { PostAttachments } from './post-attachments.tsx';
import { PostBody } from './post-body.tsx';
import { ConfirmationsDialog, ConfirmDialog, ReportDialog, ShareDialog, VersionsDialog } from './post-dialogs.tsx';
import { Comments } from './comments.tsx';
import { ReactionButton, ReactionSummaryButton } from './reactions.tsx';
import './feed.css';

type Open = null | 'versions' | 'confirmations' | 'share' | 'delete' | 'report';

/** One post as Facebook shows it: header, body, media, the reaction line, actions and comments. */
export function PostCard({ post, single, pinned }: { post: Post; single?: boolean; pinned?: boolean }) {
  const { t } = useTranslation('feed');
  const format = useFormatters();
  const headingId = useId();
  const [open, setOpen] = useState<Open>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const react = useReactToPost(post.id);
  const update = useUpdatePost(post.id);
  const remove = useDeletePost(post.id);
  const save = useSavePost(post.id);
  const confirm = useConfirmPost(post.id);
  const authorName = post.author?.name ?? t('formerMember');
  const announcement = post.announcement;
  const error = [react, update, save, confirm].find((m) => m.isError)?.error;

  const copyLink = async () => {
    const url = `${window.location.origin}/posts/${post.id}`;
    try {
      await navigator.clipboard.writeText(url);
      setNotice(t('menu.copied'));
    } catch {
      setNotice(t('menu.copyFailed', { url }));
    }
  };

  const menu: MenuItem[] = [
    ...(post.abilities.edit ? [{ key: 'edit', label: t('menu.edit'), onSelect: () => setEditing(true) }] : []),
    ...(post.abilities.pin
      ? [{ key: 'pin', label: post.pinned ? t('menu.unpin') : t('menu.pin'), onSelect: () => update.mutate({ pinned: !post.pinned }) }]
      : []),
    ...(post.abilities.disableComments
      ? [
          {
            key: 'comments',
            label: post.commentsDisabled ? t('menu.commentsOn') : t('menu.commentsOff'),
            onSelect: () => update.mutate({ commentsDisabled: !post.commentsDisabled }),
          },
        ]
      : []),
    { key: 'save', label: post.saved ? t('menu.unsave') : t('menu.save'), onSelect: () => save.mutate(!post.saved) },
    { key: 'copy', label: t('menu.copyLink'), onSelect: () => void copyLink() },
    ...(post.abilities.report ? [{ key: 'report', label: t('menu.report'), onSelect: () => setOpen('report') }] : []),
    ...(post.abilities.delete ? [{ key: 'delete', label: t('menu.delete'), danger: true, onSelect: () => setOpen('delete') }] : []),
  ];

  return (
    <article className={`card post${announcement ? ' post--announcement' : ''}`} aria-labelledby={headingId}>
      {announcement ? (
        <p className="post__banner">
          <IconMegaphone width={18} height={18} /> {post.audience.kind === 'company' ? t('announcement.company') : t('announcement.label')}
        </p>
      ) : null}
      {pinned || post.pinned ? <p className="post__pinned muted small">{t('pinned')}</p> : null}
      <header className="post__header">
        {post.author ? (
          <Link to="/people/$id" params={{ id: post.author.id }} tabIndex={-1} aria-hidden="true">
            <Avatar user={post.author} size="sm" alt="" />
          </Link>
        ) : (
          <span className="avatar avatar--sm" />
        )}
        <div className="post__meta">
          <h3 id={headingId} className="post__author">
            {post.author ? (
              <Link to="/people/$id" params={{ id: post.author.id }}>
                {authorName}
              </Link>
            ) : (
              authorName
            )}
            {post.audience.kind === 'group' && post.audience.group ? (
              <>
                <span className="post__arrow" aria-hidden="true">
                  {' ▸ '}
                </span>
                <span className="visually-hidden"> {t('audience.in')} </span>
                <Link to="/groups/$groupId" params={{ groupId: post.audience.group.slug || post.audience.group.id }}>
                  {post.audience.group.name}
                </Link>
              </>
            ) : null}
          </h3>
          <p className="post__sub">
            <Link to="/posts/$postId" params={{ postId: post.id }} className="post__time">
              <time dateTime={post.createdAt} title={format.dateTime(post.createdAt)}>
                {format.relative(post.createdAt)}
              </time>
            </Link>
            <span aria-hidden="true"> · </span>
            {post.audience.kind === 'company' ? (
              <span className="badge post__badge">{t('audience.companyBadge')}</span>
            ) : post.audience.kind === 'group' ? (
              <span title={t('audience.groupTitle')}>
                <IconGroups width={14} height={14} aria-hidden="true" />
                <span className="visually-hidden">{t('audience.groupTitle')}</span>
              </span>
            ) : (
              <span title={t('audience.profileTitle')}>
                <IconGlobe width={14} height={14} aria-hidden="true" />
                <span className="visually-hidden">{t('audience.profileTitle')}</span>
              </span>
            )}
            {post.editedAt ? (
              <>
                <span aria-hidden="true"> · </span>
                <button type="button" className="link-button post__edited" onClick={() => setOpen('versions')}>
                  {t('edited')}
                </button>
              </>
            ) : null}
          </p>
        </div>
        <MenuButton items={menu} label={t('menu.label', { name: authorName })} />
      </header>

      {notice ? (
        <p className="post__notice small" role="status">
          {notice}
        </p>
      ) : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}

      {editing ? (
        <EditPost post={post} onDone={() => setEditing(false)} />
      ) : (
        <PostBody
          body={post.body}
          mentions={post.mentions}
          className={`post__body${post.body.length < 90 && !post.attachments.length && !post.shared ? ' post__body--big' : ''}`}
        />
      )}

      {post.poll ? <PollCard poll={post.poll} /> : null}
      {post.event ? <EventFeedCard event={post.event} /> : null}
      <PostAttachments attachments={post.attachments} />
      {post.linkPreview && !post.attachments.length ? <LinkPreviewCard preview={post.linkPreview} /> : null}

      {post.shared === 'unavailable' ? (
        <p className="shared-post shared-post--gone muted">{t('shared.unavailable')}</p>
      ) : post.shared ? (
        <div className="shared-post">
          <p className="shared-post__author">
            {post.shared.author ? (
              <Link to="/people/$id" params={{ id: post.shared.author.id }}>
                {post.shared.author.name}
              </Link>
            ) : (
              t('formerMember')
            )}{' '}
            <Link to="/posts/$postId" params={{ postId: post.shared.id }} className="muted small">
              <time dateTime={post.shared.createdAt}>{format.relative(post.shared.createdAt)}</time>
            </Link>
          </p>
          <PostBody body={post.shared.body} mentions={post.shared.mentions} />
          <PostAttachments attachments={post.shared.attachments} />
        </div>
      ) : null}

      {announcement?.requiresConfirmation ? (
        <div className="post__confirm">
          {announcement.confirmed ? (
            <p className="post__confirmed">✓ {t('announcement.youConfirmed')}</p>
          ) : !post.abilities.confirm ? null : (
            <button type="button" className="button button--primary" disabled={confirm.isPending} onClick={() => confirm.mutate()}>
              {t('announcement.confirm')}
            </button>
          )}
          {post.abilities.viewConfirmations ? (
            <button type="button" className="link-button" onClick={() => setOpen('confirmations')}>
              {t('announcement.confirmedBy', { count: announcement.confirmedCount })}
            </button>
          ) : null}
        </div>
      ) : null}

      {post.reactions.total || post.commentCount ? (
        <div className="post__counts">
          <ReactionSummaryButton summary={post.reactions} postId={post.id} />
          {post.commentCount ? (
            <button type="button" className="link-button post__comment-count" onClick={() => commentRef.current?.focus()}>
              {t('comments.count', { count: post.commentCount })}
            </button>
          ) : null}
        </div>
      ) : null}

      <div className="post__actions">
        {post.abilities.react ? <ReactionButton mine={post.reactions.mine} onReact={(kind) => react.mutate(kind)} disabled={react.isPending} /> : null}
        {post.abilities.comment && !post.commentsDisabled ? (
          <button type="button" className="post-action" onClick={() => commentRef.current?.focus()}>
            <IconChat width={18} height={18} aria-hidden="true" />
            <span>{t('actions.comment')}</span>
          </button>
        ) : null}
        {post.abilities.share ? (
          <button type="button" className="post-action" onClick={() => setOpen('share')}>
            <IconShare width={18} height={18} />
            <span>{t('actions.share')}</span>
          </button>
        ) : null}
      </div>

      <Comments post={post} inputRef={commentRef} expandAll={single} />

      {open === 'versions' ? <VersionsDialog post={post} onClose={() => setOpen(null)} /> : null}
      {open === 'confirmations' ? <ConfirmationsDialog post={post} onClose={() => setOpen(null)} /> : null}
      {open === 'share' ? <ShareDialog post={post} onClose={() => setOpen(null)} /> : null}
      {open === 'report' ? <ReportDialog post={post} onClose={() => setOpen(null)} /> : null}
      {open === 'delete' ? (
        <ConfirmDialog
          title={t('deletePost.title')}
          text={t('deletePost.text')}
          confirmLabel={t('deletePost.confirm')}
          busy={remove.isPending}
          error={remove.isError ? errorMessage(t, remove.error) : null}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => setOpen(null) })}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </article>
  );
}

/** The card for the first link (the server fetched it; images only from allow-listed intranet hosts). */
function LinkPreviewCard({ preview }: { preview: NonNullable<Post['linkPreview']> }) {
  return (
    <a className="link-card" href={preview.url} target="_blank" rel="noopener noreferrer">
      {preview.imageUrl ? <img className="link-card__image" src={preview.imageUrl} alt="" loading="lazy" /> : null}
      <span className="link-card__text">
        <span className="link-card__site">{preview.siteName}</span>
        <span className="link-card__title">{preview.title}</span>
        {preview.description ? <span className="link-card__description">{preview.description}</span> : null}
      </span>
    </a>
  );
}

function EditPost({ post, onDone }: { post: Post; onDone: () => void }) {
  const { t } = useTranslation('feed');
  const me = useMe();
  const [body, setBody] = useState(post.body);
  const [mentions, setMentions] = useState<Mention[]>(post.mentions);
  const update = useUpdatePost(post.id);
  const save = () => update.mutate({ body: body.trim(), mentions: keptMentions(body, mentions).map((m) => m.id) }, { onSuccess: onDone });
  return (
    <form
      className="post__edit"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <MentionTextarea
        value={body}
        onChange={setBody}
        onMention={(m) => setMentions((list) => [...list, m])}
        label={t('editPost.label')}
        rows={4}
        maxLength={20000}
        meId={me.user.id}
        groupId={post.audience.group?.id ?? null}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone();
        }}
      />
      {update.isError ? <Alert tone="error">{errorMessage(t, update.error)}</Alert> : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onDone}>
          {t('common:cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={update.isPending || (!body.trim() && !post.attachments.length && !post.shared)}>
          {t('common:save')}
        </button>
      </div>
    </form>
  );
}
