import type { GroupSummary, UserProfile } from '@innenhof/contract';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { useDocumentTitle } from '../../../components/ui/page-header.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useMe } from '../../../lib/session.ts';
import { useFollow, useFollowers, useHashtagInfo } from '../api/follow.ts';
import { usePost } from '../api/get-post.ts';
import { useFeedLive } from '../hooks/use-feed-live.ts';
import { FeedList, PostSkeleton } from './feed-list.tsx';
import { PostCard } from './post-card.tsx';
import { PostComposer } from './post-composer.tsx';
import './feed.css';

/** Home: the composer and the news feed. */
export function HomeFeed() {
  const { t } = useTranslation('feed');
  const me = useMe();
  return (
    <div className="stack">
      {me.user.role === 'guest' ? null : <PostComposer />}
      <FeedList source={{ kind: 'home' }} label={t('home.label')} empty={t('home.empty')} />
    </div>
  );
}

/** A group's Discussion tab. */
export function GroupFeed({ group }: { group: GroupSummary }) {
  const { t } = useTranslation('feed');
  return (
    <div className="stack">
      {group.abilities.post && !group.archived ? <PostComposer group={group} /> : null}
      <FeedList source={{ kind: 'group', groupId: group.id }} label={t('group.label', { group: group.name })} empty={t('group.empty')} />
    </div>
  );
}

/** The timeline under a profile (with the composer on my own). */
export function ProfileTimeline({ profile }: { profile: UserProfile }) {
  const { t } = useTranslation('feed');
  const me = useMe();
  const isMe = me.user.id === profile.id;
  return (
    <section className="stack" aria-labelledby="profile-posts-heading">
      <h2 id="profile-posts-heading" className="visually-hidden">
        {t('profile.heading')}
      </h2>
      {isMe && me.user.role !== 'guest' ? <PostComposer /> : null}
      <FeedList
        source={{ kind: 'profile', userId: profile.id }}
        label={t('profile.label', { name: profile.name })}
        empty={isMe ? t('profile.emptyMine') : t('profile.empty', { name: profile.name })}
      />
    </section>
  );
}

/** "Follow" on someone's profile: their posts come to my home feed. */
export function FollowButton({ userId }: { userId: string }) {
  const { t } = useTranslation('feed');
  const followers = useFollowers(userId);
  const follow = useFollow('user', userId);
  const following = followers.data?.following ?? false;
  return (
    <button
      type="button"
      className={`button${following ? '' : ' button--primary'}`}
      aria-pressed={following}
      disabled={follow.isPending || followers.isPending}
      onClick={() => follow.mutate(!following)}
    >
      {following ? t('follow.following') : t('follow.follow')}
      {followers.data?.count ? <span className="muted small"> · {t('follow.count', { count: followers.data.count })}</span> : null}
    </button>
  );
}

const hashtagRoute = getRouteApi('/_app/hashtags/$tag');

export function HashtagPage() {
  const { t } = useTranslation('feed');
  const { tag: raw } = hashtagRoute.useParams();
  const tag = raw.toLowerCase();
  const follow = useFollow('hashtag', tag);
  const following = useHashtagInfo(tag).data?.following ?? false;
  useDocumentTitle(`#${tag}`);
  return (
    <div className="stack feed-page">
      <header className="card feed-page__header">
        <h1 className="page-header__title">#{tag}</h1>
        <button
          type="button"
          className={`button${following ? '' : ' button--primary'}`}
          aria-pressed={following}
          disabled={follow.isPending}
          onClick={() => follow.mutate(!following)}
        >
          {following ? t('hashtag.following') : t('hashtag.follow')}
        </button>
      </header>
      {follow.isError ? <Alert tone="error">{errorMessage(t, follow.error)}</Alert> : null}
      <FeedList source={{ kind: 'hashtag', tag }} label={t('hashtag.label', { tag })} empty={t('hashtag.empty', { tag })} />
    </div>
  );
}

export function SavedPage() {
  const { t } = useTranslation('feed');
  useDocumentTitle(t('saved.title'));
  return (
    <div className="stack feed-page">
      <header className="card feed-page__header">
        <h1 className="page-header__title">{t('saved.title')}</h1>
      </header>
      <FeedList source={{ kind: 'saved' }} label={t('saved.title')} empty={t('saved.empty')} />
    </div>
  );
}

const postRoute = getRouteApi('/_app/posts/$postId');

export function PostPage() {
  const { t } = useTranslation('feed');
  const { postId } = postRoute.useParams();
  const post = usePost(postId);
  useFeedLive();
  useDocumentTitle(post.data ? t('post.titleBy', { name: post.data.author?.name ?? t('formerMember') }) : t('post.title'));
  return (
    <div className="stack feed-page">
      <h1 className="visually-hidden">{t('post.title')}</h1>
      {post.isPending ? <PostSkeleton /> : null}
      {post.isError ? (
        <section className="card empty">
          <p>{isApiError(post.error, 'not_found') ? t('post.notFound') : errorMessage(t, post.error)}</p>
          <Link to="/">{t('post.backHome')}</Link>
        </section>
      ) : null}
      {post.data ? <PostCard post={post.data} single /> : null}
    </div>
  );
}
