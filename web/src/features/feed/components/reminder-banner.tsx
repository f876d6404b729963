import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { IconClose } from '../../../components/ui/icons.tsx';
import { plainText } from '../../../lib/markdown.ts';
import { postQueryOptions } from '../api/get-post.ts';
import { mustConfirm } from '../lib/must-confirm.ts';
import { dismissReminder } from '../lib/reminders.ts';
import './feed.css';

const EXCERPT = 80;

/** "Reminder: please confirm you have read …" with a link to the post; gone once confirmed or closed. */
export function ReminderBanner({ postId }: { postId: string }) {
  const { t } = useTranslation('feed');
  // The cache entry that the post page and "I have read this" update: the banner goes once I confirmed.
  const post = useQuery(postQueryOptions(postId)).data;
  const done = post ? !mustConfirm(post) : false;
  useEffect(() => {
    if (done) dismissReminder(postId);
  }, [done, postId]);
  if (!post || done) return null;

  const text = plainText(post.body);
  const excerpt = text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text;
  return (
    <div className="reminder-banner" role="status" aria-live="polite">
      <p className="reminder-banner__text">
        {excerpt ? t('reminder.text', { excerpt }) : t('reminder.textUntitled')}{' '}
        <Link to="/posts/$postId" params={{ postId }} className="reminder-banner__link">
          {t('reminder.open')}
        </Link>
      </p>
      <button type="button" className="icon-button reminder-banner__close" onClick={() => dismissReminder(postId)}>
        <IconClose width={16} height={16} aria-hidden="true" />
        <span className="visually-hidden">{t('reminder.close')}</span>
      </button>
    </div>
  );
}
