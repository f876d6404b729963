export interface PostsTable {
  id: string;
  author_id: string | null;
  audience: 'profile' | 'group' | 'company';
  group_id: string | null;
  body: string;
  /** JSON array of user ids. */
  mentions: string | null;
  shared_post_id: string | null;
  /** JSON LinkPreview or null. */
  link_preview: string | null;
  announcement: number;
  requires_confirmation: number;
  featured_until: string | null;
  /** Announcements: when the readers who had not confirmed were last reminded. */
  reminded_at: string | null;
  comments_disabled: number;
  pinned_at: string | null;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

export interface PostVersionsTable {
  post_id: string;
  body: string;
  edited_at: string;
}

export interface PostAttachmentsTable {
  id: string;
  post_id: string | null;
  uploader_id: string | null;
  kind: 'image' | 'file';
  name: string;
  mime: string;
  size: number;
  file_id: string;
  width: number | null;
  height: number | null;
  position: number;
  created_at: string;
}

export interface PostHashtagsTable {
  post_id: string;
  tag: string;
}

export interface CommentsTable {
  id: string;
  post_id: string;
  parent_id: string | null;
  author_id: string | null;
  body: string;
  mentions: string | null;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

export interface ReactionsTable {
  subject_type: 'post' | 'comment';
  subject_id: string;
  user_id: string;
  kind: string;
  created_at: string;
}

export interface FollowsTable {
  follower_id: string;
  target_type: 'user' | 'hashtag';
  target: string;
  created_at: string;
}

export interface SavedPostsTable {
  user_id: string;
  post_id: string;
  created_at: string;
}

export interface PostConfirmationsTable {
  post_id: string;
  user_id: string;
  confirmed_at: string;
}

export interface PostReportsTable {
  id: string;
  post_id: string;
  reporter_id: string | null;
  reason: string;
  status: 'open' | 'kept' | 'hidden';
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}
