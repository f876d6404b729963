import type { Post } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { renderMarkdown } from '../../../lib/markdown.ts';
import { type PostReport, type ReportStatus, reportStatuses, useReports } from '../api/list-reports.ts';
import { useResolveReport } from '../api/resolve-report.ts';
import './moderation.css';

/** Posts colleagues reported to the admins: read the reason and the post, then hide the post or keep it. */
export function ReportsAdminTab() {
  const { t } = useTranslation('admin');
  const [status, setStatus] = useState<ReportStatus>('open');
  const reports = useReports(status);
  const resolve = useResolveReport();
  const [hiding, setHiding] = useState<PostReport | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const items = reports.data?.pages.flatMap((p) => p.items) ?? [];

  function run(report: PostReport, action: 'hide' | 'keep') {
    setDone(null);
    resolve.mutate(
      { id: report.id, action },
      {
        onSuccess: () => {
          setHiding(null);
          setDone(t(action === 'hide' ? 'reports.hidden' : 'reports.kept'));
        },
      },
    );
  }

  return (
    <section className="card stack" aria-labelledby="reports-heading">
      <div className="card__header">
        <h2 id="reports-heading" className="card__title">
          {t('reports.title')}
        </h2>
        <button type="button" className="button button--small" onClick={() => reports.refetch()} disabled={reports.isFetching}>
          {t('reports.refresh')}
        </button>
      </div>
      <p className="muted">{t('reports.lead')}</p>
      <fieldset className="fieldset">
        <legend className="visually-hidden">{t('reports.filter')}</legend>
        <div className="segmented">
          {reportStatuses.map((value) => (
            <label key={value} className="segmented__option">
              <input
                type="radio"
                name="reportStatus"
                value={value}
                checked={status === value}
                onChange={() => {
                  setStatus(value);
                  setDone(null);
                }}
              />
              <span>{t(`reports.statuses.${value}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div aria-live="polite">{done ? <Alert tone="success">{done}</Alert> : null}</div>
      {resolve.error && !hiding ? <Alert tone="error">{errorMessage(t, resolve.error)}</Alert> : null}
      {reports.isPending ? <Spinner /> : null}
      {reports.isError ? <Alert tone="error">{errorMessage(t, reports.error)}</Alert> : null}
      {reports.isSuccess && items.length === 0 ? <p className="muted report-empty">{t(`reports.empty.${status}`)}</p> : null}
      {items.length ? (
        <ul className="plain-list report-list" aria-labelledby="reports-heading">
          {items.map((report) => (
            <li key={report.id}>
              <ReportItem
                report={report}
                busy={resolve.isPending && resolve.variables?.id === report.id}
                onHide={() => {
                  resolve.reset();
                  setHiding(report);
                }}
                onKeep={() => run(report, 'keep')}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {reports.hasNextPage ? (
        <button type="button" className="button" onClick={() => reports.fetchNextPage()} disabled={reports.isFetchingNextPage}>
          {t('loadMore')}
        </button>
      ) : null}
      <Dialog open={hiding !== null} onClose={() => setHiding(null)} title={t('reports.hideTitle')}>
        {hiding ? (
          <div className="stack">
            <p>{t('reports.hideConfirm', { name: hiding.post?.author?.name ?? t('reports.unknownPerson') })}</p>
            {resolve.error ? <Alert tone="error">{errorMessage(t, resolve.error)}</Alert> : null}
            <div className="form__actions">
              <button type="button" className="button" onClick={() => setHiding(null)}>
                {t('common:cancel')}
              </button>
              <button type="button" className="button button--danger" disabled={resolve.isPending} onClick={() => run(hiding, 'hide')}>
                {t('reports.hide')}
              </button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </section>
  );
}

function ReportItem({ report, busy, onHide, onKeep }: { report: PostReport; busy: boolean; onHide: () => void; onKeep: () => void }) {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const headingId = useId();
  const reporter = report.reporter?.name ?? t('reports.unknownPerson');
  return (
    <article className="report" aria-labelledby={headingId}>
      <div className="report__head">
        {report.reporter ? <Avatar user={report.reporter} size="sm" alt="" /> : null}
        <div className="report__who">
          <h3 id={headingId} className="report__title">
            {t('reports.reportedBy', { name: reporter })}
          </h3>
          <p className="report__meta">
            <time dateTime={report.createdAt}>{format.dateTime(report.createdAt)}</time>
            {report.resolvedAt ? (
              <>
                {' · '}
                {t(`reports.resolvedAt.${report.status}`, { date: format.dateTime(report.resolvedAt) })}
              </>
            ) : null}
          </p>
        </div>
        <span className={`badge report__badge report__badge--${report.status}`}>{t(`reports.statuses.${report.status}`)}</span>
      </div>
      <div className="report__reason">
        <span className="report__label">{t('reports.reason')}</span>
        <p className="prewrap">{report.reason}</p>
      </div>
      {report.post ? <ReportedPost post={report.post} /> : <p className="muted report__gone">{t('reports.postGone')}</p>}
      {report.status === 'open' ? (
        <div className="report__actions">
          <button type="button" className="button button--danger" onClick={onHide} disabled={busy || !report.post}>
            {t('reports.hide')}
            <span className="visually-hidden">{t('reports.forReportBy', { name: reporter })}</span>
          </button>
          <button type="button" className="button" onClick={onKeep} disabled={busy}>
            {t('reports.keep')}
            <span className="visually-hidden">{t('reports.forReportBy', { name: reporter })}</span>
          </button>
        </div>
      ) : null}
    </article>
  );
}

function ReportedPost({ post }: { post: Post }) {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const html = useMemo(() => renderMarkdown(post.body, post.mentions, { hashtags: true }), [post.body, post.mentions]);
  const audience =
    post.audience.kind === 'group'
      ? t('reports.audience.group', { name: post.audience.group?.name ?? '' })
      : post.audience.kind === 'company'
        ? t('reports.audience.company')
        : t('reports.audience.profile');
  return (
    <figure className="report__post">
      <figcaption className="report__post-head">
        {post.author ? <Avatar user={post.author} size="xs" alt="" /> : null}
        <span className="report__post-who">
          {post.author ? (
            <Link to="/people/$id" params={{ id: post.author.id }} className="report__author">
              {post.author.name}
            </Link>
          ) : (
            <span className="report__author">{t('reports.unknownPerson')}</span>
          )}
          <span className="report__meta">
            {audience} ·{' '}
            <Link to="/posts/$postId" params={{ postId: post.id }}>
              <time dateTime={post.createdAt}>{format.dateTime(post.createdAt)}</time>
            </Link>
          </span>
        </span>
      </figcaption>
      {post.body ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by DOMPurify to a small allowlist (lib/markdown.ts).
        <div className="report__body" dangerouslySetInnerHTML={{ __html: html }} />
      ) : null}
      {post.attachments.length ? <p className="report__meta">{t('reports.attachments', { count: post.attachments.length })}</p> : null}
    </figure>
  );
}
