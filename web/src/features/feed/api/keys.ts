/** Where a list of posts comes from. */
export type FeedSource =
  | { kind: 'home' }
  | { kind: 'group'; groupId: string }
  | { kind: 'profile'; userId: string }
  | { kind: 'hashtag'; tag: string }
  | { kind: 'saved' };

/** Query keys of the feed. Everything starts with `feed`; lists under `feed/list`, so live updates can patch them all. */
export const feedKeys = {
  all: ['feed'] as const,
  lists: ['feed', 'list'] as const,
  list: (source: FeedSource) => ['feed', 'list', source] as const,
  post: (id: string) => ['feed', 'post', id] as const,
  versions: (id: string) => ['feed', 'versions', id] as const,
  /** Who reacted to a post and all its comments (prefix). */
  reactorsOf: (id: string) => ['feed', 'reactors', id] as const,
  /** Who reacted to the post (`commentId` null) or one comment, every tab (prefix). */
  reactors: (id: string, commentId: string | null) => ['feed', 'reactors', id, commentId] as const,
  /** One tab of the dialog: one reaction kind, or all (`kind` null). */
  reactorsTab: (id: string, commentId: string | null, kind: string | null) => ['feed', 'reactors', id, commentId, kind] as const,
  confirmations: (id: string) => ['feed', 'confirmations', id] as const,
  /** A post's top-level comments (`parentId` null, paged from the newest) or one comment's replies (oldest first). */
  comments: (postId: string, parentId: string | null) => ['feed', 'comments', postId, parentId] as const,
  commentsOf: (postId: string) => ['feed', 'comments', postId] as const,
  followers: (userId: string) => ['feed', 'followers', userId] as const,
  hashtag: (tag: string) => ['feed', 'hashtag', tag] as const,
};

export function feedPath(source: FeedSource): string {
  switch (source.kind) {
    case 'home':
      return '/feed';
    case 'group':
      return `/groups/${encodeURIComponent(source.groupId)}/posts`;
    case 'profile':
      return `/users/${encodeURIComponent(source.userId)}/posts`;
    case 'hashtag':
      return `/hashtags/${encodeURIComponent(source.tag)}/posts`;
    case 'saved':
      return '/me/saved-posts';
  }
}
