import type { Comment, Post } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { type KeyboardEvent, type RefObject, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { IconSend } from '../../../components/ui/icons.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useMe } from '../../../lib/session.ts';
import { useCreateComment, useDeleteComment, useReactToComment, useReplies, useTopComments, useUpdateComment } from '../api/comments.ts';
import { keptMentions, type Mention, MentionTextarea } from './mention-textarea.tsx';
import { MenuButton } from '../../../components/menu-button.tsx';
import { ConfirmDialog } from './post-dialogs.tsx';
import { PostBody } from './post-body.tsx';
import { ReactionButton, ReactionSummaryButton } from './reactions.tsx';

/** The comments loaded so far and the two that came with the post, once each, oldest first (ids sort by time). */
function mergeComments(latest: Comment[], pages: { items: Comment[] }[] | undefined): Comment[] {
  const byId = new Map<string, Comment>();
  for (const page of pages ?? []) for (const comment of page.items) byId.set(comment.id, comment);
  // The post is fetched again after every change, so its copy is at least as fresh.
  for (const comment of latest) byId.set(comment.id, comment);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Under a post, as on Facebook: the two newest comments (they come with the post), above them "View N more
 * comments", which prepends the next older page each time; new comments appear at the bottom. Replies one
 * level deep, and the comment box. On the post's own page (`expandAll`) the first page loads at once.
 */
export function Comments({ post, inputRef, expandAll }: { post: Post; inputRef: RefObject<HTMLTextAreaElement | null>; expandAll?: boolean }) {
  const { t } = useTranslation('feed');
  const [expanded, setExpanded] = useState(Boolean(expandAll));
  const top = useTopComments(post.id, expanded);
  const pages = top.data?.pages;
  const shown = useMemo(() => mergeComments(post.latestComments, pages), [post.latestComments, pages]);
  // Exact: the post counts the top-level comments the list pages (deleted ones with replies included).
  const more = Math.max(0, post.topLevelCommentCount - shown.length);
  const loading = expanded && (top.isPending || top.isFetchingNextPage);
  const canLoad = !expanded || top.isPending || top.hasNextPage;

  return (
    <section className="comments" aria-label={t('comments.label')}>
      {more > 0 && canLoad ? (
        <button
          type="button"
          className="link-button comments__more"
          disabled={loading}
          aria-busy={loading}
          onClick={() => (expanded ? void top.fetchNextPage() : setExpanded(true))}
        >
          {t('comments.viewMore', { count: more })}
        </button>
      ) : null}
      {top.isError ? <Alert tone="error">{errorMessage(t, top.error)}</Alert> : null}
      {shown.length ? (
        <ul className="plain-list comments__list">
          {shown.map((comment) => (
            <li key={comment.id}>
              <CommentItem post={post} comment={comment} />
            </li>
          ))}
        </ul>
      ) : null}
      {post.commentsDisabled ? (
        <p className="muted small comments__off">{t('comments.off')}</p>
      ) : post.abilities.comment ? (
        <CommentBox post={post} inputRef={inputRef} />
      ) : null}
    </section>
  );
}

function CommentItem({ post, comment, isReply }: { post: Post; comment: Comment; isReply?: boolean }) {
  const { t } = useTranslation('feed');
  const format = useFormatters();
  const [showReplies, setShowReplies] = useState(false);
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const react = useReactToComment(post.id, comment.id);
  const remove = useDeleteComment(post.id, comment.id);
  const replies = useReplies(post.id, comment.id, showReplies && !isReply);
  const name = comment.author?.name ?? t('formerMember');

  if (comment.deletedAt) {
    // Its replies stay readable under "This comment was deleted." (it is listed only while it has some).
    return (
      <div>
        <p className="comment comment--deleted muted small">{t('comments.deleted')}</p>
        {!isReply && comment.replyCount > 0 ? (
          <div className="comment__deleted-replies">
            {showReplies ? (
              <ReplyList post={post} replies={replies} />
            ) : (
              <button type="button" className="link-button comments__more" onClick={() => setShowReplies(true)}>
                {t('comments.viewReplies', { count: comment.replyCount })}
              </button>
            )}
          </div>
        ) : null}
      </div>
    );
  }

  const menu = [
    ...(comment.abilities.edit ? [{ key: 'edit', label: t('comments.edit'), onSelect: () => setEditing(true) }] : []),
    ...(comment.abilities.delete ? [{ key: 'delete', label: t('comments.delete'), danger: true, onSelect: () => setDeleting(true) }] : []),
  ];

  return (
    <div className={`comment${isReply ? ' comment--reply' : ''}`}>
      {comment.author ? <Avatar user={comment.author} size="xs" alt="" /> : <span className="avatar avatar--xs" />}
      <div className="comment__main">
        {editing ? (
          <EditComment post={post} comment={comment} onDone={() => setEditing(false)} />
        ) : (
          <div className="comment__row">
            <div className="comment__bubble">
              {comment.author ? (
                <Link className="comment__author" to="/people/$id" params={{ id: comment.author.id }}>
                  {name}
                </Link>
              ) : (
                <span className="comment__author">{name}</span>
              )}
              <PostBody body={comment.body} mentions={comment.mentions} className="comment__body" />
              {comment.reactions.total ? (
                <span className="comment__reactions">
                  <ReactionSummaryButton summary={comment.reactions} postId={post.id} commentId={comment.id} />
                </span>
              ) : null}
            </div>
            <MenuButton items={menu} label={t('comments.menu', { name })} />
          </div>
        )}
        <div className="comment__actions">
          {comment.abilities.react ? (
            <ReactionButton compact mine={comment.reactions.mine} onReact={(kind) => react.mutate(kind)} disabled={react.isPending} />
          ) : null}
          {comment.abilities.reply && !post.commentsDisabled ? (
            <button
              type="button"
              className="link-button comment__action"
              onClick={() => {
                setReplying(true);
                setShowReplies(true);
                requestAnimationFrame(() => replyRef.current?.focus());
              }}
            >
              {t('comments.reply')}
            </button>
          ) : null}
          <time className="comment__time" dateTime={comment.createdAt} title={format.dateTime(comment.createdAt)}>
            {format.relative(comment.createdAt)}
          </time>
          {comment.editedAt ? <span className="comment__time">{t('edited')}</span> : null}
        </div>
        {react.isError ? <Alert tone="error">{errorMessage(t, react.error)}</Alert> : null}
        {!isReply && comment.replyCount > 0 && !showReplies ? (
          <button type="button" className="link-button comments__more" onClick={() => setShowReplies(true)}>
            {t('comments.viewReplies', { count: comment.replyCount })}
          </button>
        ) : null}
        {!isReply && showReplies ? <ReplyList post={post} replies={replies} /> : null}
        {replying && !isReply ? <CommentBox post={post} parent={comment} inputRef={replyRef} onDone={() => setReplying(false)} /> : null}
      </div>
      {deleting ? (
        <ConfirmDialog
          title={t('comments.deleteTitle')}
          text={t('comments.deleteText')}
          confirmLabel={t('comments.delete')}
          busy={remove.isPending}
          error={remove.isError ? errorMessage(t, remove.error) : null}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => setDeleting(false) })}
          onClose={() => setDeleting(false)}
        />
      ) : null}
    </div>
  );
}

function ReplyList({ post, replies }: { post: Post; replies: ReturnType<typeof useReplies> }) {
  const { t } = useTranslation('feed');
  return (
    <>
      <ul className="plain-list comments__list">
        {(replies.data?.pages.flatMap((p) => p.items) ?? []).map((reply) => (
          <li key={reply.id}>
            <CommentItem post={post} comment={reply} isReply />
          </li>
        ))}
      </ul>
      {replies.hasNextPage ? (
        <button type="button" className="link-button comments__more" onClick={() => void replies.fetchNextPage()}>
          {t('comments.loadMore')}
        </button>
      ) : null}
    </>
  );
}

function EditComment({ post, comment, onDone }: { post: Post; comment: Comment; onDone: () => void }) {
  const { t } = useTranslation('feed');
  const me = useMe();
  const [body, setBody] = useState(comment.body);
  const [mentions, setMentions] = useState<Mention[]>(comment.mentions);
  const update = useUpdateComment(post.id, comment.id);
  const save = () => {
    const text = body.trim();
    if (!text) return;
    update.mutate({ body: text, mentions: keptMentions(text, mentions).map((m) => m.id) }, { onSuccess: onDone });
  };
  return (
    <div className="comment__edit">
      <MentionTextarea
        value={body}
        onChange={setBody}
        onMention={(m) => setMentions((list) => [...list, m])}
        label={t('comments.editLabel')}
        rows={2}
        meId={me.user.id}
        groupId={post.audience.group?.id ?? null}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone();
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            save();
          }
        }}
      />
      {update.isError ? <Alert tone="error">{errorMessage(t, update.error)}</Alert> : null}
      <div className="comment__edit-actions">
        <button type="button" className="button button--small" onClick={onDone}>
          {t('common:cancel')}
        </button>
        <button type="button" className="button button--small button--primary" disabled={update.isPending || !body.trim()} onClick={save}>
          {t('common:save')}
        </button>
      </div>
    </div>
  );
}

function CommentBox({
  post,
  parent,
  inputRef,
  onDone,
}: {
  post: Post;
  parent?: Comment;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onDone?: () => void;
}) {
  const { t } = useTranslation('feed');
  const me = useMe();
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<Mention[]>([]);
  const create = useCreateComment(post.id);
  const send = () => {
    const text = body.trim();
    if (!text || create.isPending) return;
    create.mutate(
      { body: text, parentId: parent?.id, mentions: keptMentions(text, mentions).map((m) => m.id) },
      {
        onSuccess: () => {
          setBody('');
          setMentions([]);
          onDone?.();
        },
      },
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
    if (event.key === 'Escape' && onDone) onDone();
  };
  const label = parent ? t('comments.replyTo', { name: parent.author?.name ?? t('formerMember') }) : t('comments.write');
  return (
    <form
      className={`comment-box${parent ? ' comment-box--reply' : ''}`}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <Avatar user={me.user} size="xs" alt="" />
      <div className="comment-box__field">
        <MentionTextarea
          value={body}
          onChange={setBody}
          onMention={(m) => setMentions((list) => [...list, m])}
          label={label}
          placeholder={label}
          textareaRef={inputRef}
          className="comment-box__input"
          maxLength={5000}
          meId={me.user.id}
          groupId={post.audience.group?.id ?? null}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="icon-button comment-box__send" disabled={!body.trim() || create.isPending}>
          <IconSend width={16} height={16} />
          <span className="visually-hidden">{t('comments.send')}</span>
        </button>
      </div>
      {create.isError ? <Alert tone="error">{errorMessage(t, create.error)}</Alert> : null}
    </form>
  );
}
