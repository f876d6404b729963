import type { Post } from '@innenhof/contract';

/** The contract's rule for a reminder: this announcement asks me to confirm, and I have not yet. */
export function mustConfirm(post: Post): boolean {
  return Boolean(post.announcement?.requiresConfirmation && !post.announcement.confirmed && post.abilities.confirm);
}
