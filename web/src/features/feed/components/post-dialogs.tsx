import type { Post } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useConfirmations, usePostVersions } from '../api/get-post.ts';
import { useCreatePost, useRemindUnconfirmed, useReportPost } from '../api/post-actions.ts';
import { useMyGroups } from '../api/my-groups.ts';
import { PostBody } from './post-body.tsx';

/** "edited": what the post said before, newest first. */
export function VersionsDialog({ post, onClose }: { post: Post; onClose: () => void }) {
  const { t } = useTranslation('feed');
  const format = useFormatters();
  const versions = usePostVersions(post.id, true);
  return (
    <Dialog open title={t('versions.title')} onClose={onClose}>
      {versions.isPending ? <Spinner /> : null}
      {versions.isError ? <Alert tone="error">{errorMessage(t, versions.error)}</Alert> : null}
      <ol className="plain-list version-list">
        <li className="version-list__item">
          <p className="version-list__when">
            <strong>{t('versions.current')}</strong> ·{' '}
            <time dateTime={post.editedAt ?? post.createdAt}>{format.dateTime(post.editedAt ?? post.createdAt)}</time>
          </p>
          <PostBody body={post.body} mentions={post.mentions} />
        </li>
        {[...(versions.data?.items ?? [])]
          .sort((a, b) => b.editedAt.localeCompare(a.editedAt))
          .map((version) => (
            <li key={version.editedAt} className="version-list__item">
              <p className="version-list__when">
                <time dateTime={version.editedAt}>{format.dateTime(version.editedAt)}</time>
              </p>
              <PostBody body={version.body} mentions={post.mentions} />
            </li>
          ))}
      </ol>
    </Dialog>
  );
}

/** Minutes until the next reminder is possible, from the 429's `details.retryAfter` (seconds). */
function retryMinutes(error: unknown): number {
  const details = isApiError(error) ? (error.details as { retryAfter?: unknown } | undefined) : undefined;
  const seconds = typeof details?.retryAfter === 'number' ? details.retryAfter : 3600;
  return Math.max(1, Math.ceil(seconds / 60));
}

/**
 * Who confirmed an announcement ("I have read this") and who not yet; "Remind the rest" (once an hour at
 * most) reaches those who have not confirmed, live, wherever they are in the app.
 */
export function ConfirmationsDialog({ post, onClose }: { post: Post; onClose: () => void }) {
  const { t } = useTranslation('feed');
  const format = useFormatters();
  const list = useConfirmations(post.id, true);
  const remind = useRemindUnconfirmed(post.id);
  const [tab, setTab] = useState<'confirmed' | 'pending'>('confirmed');
  const people = list.data ? list.data[tab] : [];
  const remindError = remind.error
    ? isApiError(remind.error, 'rate_limited')
      ? t('announcement.remindTooSoon', { count: retryMinutes(remind.error) })
      : errorMessage(t, remind.error)
    : null;
  return (
    <Dialog open title={t('announcement.confirmationsTitle')} onClose={onClose}>
      {list.isPending ? <Spinner /> : null}
      {list.isError ? <Alert tone="error">{errorMessage(t, list.error)}</Alert> : null}
      {list.data ? (
        <>
          <fieldset className="confirm-tabs">
            <legend className="visually-hidden">{t('announcement.confirmationsTitle')}</legend>
            <button type="button" className="button button--small" aria-pressed={tab === 'confirmed'} onClick={() => setTab('confirmed')}>
              {t('announcement.confirmedTab', { count: list.data.confirmed.length })}
            </button>
            <button type="button" className="button button--small" aria-pressed={tab === 'pending'} onClick={() => setTab('pending')}>
              {t('announcement.pendingTab', { count: list.data.pending.length })}
            </button>
          </fieldset>
          {list.data.pending.length ? (
            <div className="confirm-remind">
              <button type="button" className="button button--small" disabled={remind.isPending} aria-busy={remind.isPending} onClick={() => remind.mutate()}>
                {t('announcement.remind')}
              </button>
              {list.data.remindedAt ? (
                <span className="muted small">
                  {t('announcement.lastReminded')}{' '}
                  <time dateTime={list.data.remindedAt} title={format.dateTime(list.data.remindedAt)}>
                    {format.relative(list.data.remindedAt)}
                  </time>
                </span>
              ) : null}
            </div>
          ) : null}
          {remind.isSuccess ? <Alert tone="success">{t('announcement.reminded', { count: remind.data.reminded })}</Alert> : null}
          {remindError ? <Alert tone="error">{remindError}</Alert> : null}
          <p className="small">
            <a href={`/api/v1/posts/${encodeURIComponent(post.id)}/confirmations.csv`} download>
              {t('announcement.exportCsv')}
            </a>
          </p>
          {people.length ? (
            <ul className="plain-list reactor-list">
              {people.map((entry) => (
                <li key={entry.user.id} className="reactor-list__item">
                  <Avatar user={entry.user} size="sm" alt="" />
                  <Link to="/people/$id" params={{ id: entry.user.id }}>
                    {entry.user.name}
                  </Link>
                  {entry.confirmedAt ? <span className="muted small">{format.dateTime(entry.confirmedAt)}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{tab === 'confirmed' ? t('announcement.noneConfirmed') : t('announcement.nonePending')}</p>
          )}
        </>
      ) : null}
    </Dialog>
  );
}

/** Share a post to my profile or one of my groups, with an optional text. */
export function ShareDialog({ post, onClose }: { post: Post; onClose: () => void }) {
  const { t } = useTranslation('feed');
  const groups = useMyGroups();
  const create = useCreatePost();
  const [target, setTarget] = useState('profile');
  const [body, setBody] = useState('');
  const [done, setDone] = useState(false);
  const original = post.shared && post.shared !== 'unavailable' ? post.shared : post;
  const postable = (groups.data?.items ?? []).filter((g) => g.abilities.post && !g.archived);
  const submit = () => {
    create.mutate(
      {
        audience: target === 'profile' ? { kind: 'profile' } : { kind: 'group', groupId: target },
        body: body.trim(),
        sharedPostId: original.id,
      },
      { onSuccess: () => setDone(true) },
    );
  };
  return (
    <Dialog open title={t('share.title')} onClose={onClose}>
      {done ? (
        <>
          <Alert tone="success">{t('share.done')}</Alert>
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('common:close')}
            </button>
          </div>
        </>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <div className="field">
            <label htmlFor="share-target">{t('share.to')}</label>
            <select id="share-target" className="input" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="profile">{t('audience.profile')}</option>
              {postable.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="share-text">{t('share.text')}</label>
            <textarea id="share-text" className="input input--textarea" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
          </div>
          <div className="shared-post shared-post--preview">
            <p className="shared-post__author">{original.author?.name ?? t('formerMember')}</p>
            <PostBody body={original.body} mentions={original.mentions} />
          </div>
          {create.isError ? <Alert tone="error">{errorMessage(t, create.error)}</Alert> : null}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              {t('common:cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={create.isPending}>
              {t('share.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** "Delete post?" / "Delete comment?" */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  text: string;
  confirmLabel: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('feed');
  return (
    <Dialog open title={title} onClose={onClose}>
      <p>{text}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common:cancel')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

/** Report a post to the admins, with a reason. */
export function ReportDialog({ post, onClose }: { post: Post; onClose: () => void }) {
  const { t } = useTranslation('feed');
  const report = useReportPost(post.id);
  const [reason, setReason] = useState('');
  return (
    <Dialog open title={t('report.title')} onClose={onClose}>
      {report.isSuccess ? (
        <>
          <Alert tone="success">{t('report.done')}</Alert>
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('common:close')}
            </button>
          </div>
        </>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) report.mutate(reason.trim());
          }}
        >
          <p>{t('report.text')}</p>
          <div className="field">
            <label htmlFor="report-reason">{t('report.reason')}</label>
            <textarea
              id="report-reason"
              className="input input--textarea"
              rows={3}
              maxLength={500}
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          {report.isError ? <Alert tone="error">{errorMessage(t, report.error)}</Alert> : null}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              {t('common:cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={report.isPending || !reason.trim()}>
              {t('report.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
