import { useNavigate } from '@tanstack/react-router';
import { type MouseEvent, useMemo } from 'react';
import { renderMarkdown } from '../../../lib/markdown.ts';

/** A post's or comment's body: sanitized markdown; @mentions and #hashtags navigate inside the app. */
export function PostBody({ body, mentions, className }: { body: string; mentions: { id: string; name: string }[]; className?: string }) {
  const navigate = useNavigate();
  const html = useMemo(() => renderMarkdown(body, mentions, { hashtags: true }), [body, mentions]);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a.mention, a.hashtag');
    if (!link) return;
    if (link.dataset.mention) {
      event.preventDefault();
      void navigate({ to: '/people/$id', params: { id: link.dataset.mention } });
    } else if (link.dataset.hashtag) {
      event.preventDefault();
      void navigate({ to: '/hashtags/$tag', params: { tag: link.dataset.hashtag } });
    }
  };
  if (!body) return null;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: clicks on the links inside (real <a> elements, keyboard-reachable).
    // biome-ignore lint/a11y/noStaticElementInteractions: the same: only the links inside are interactive.
    // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by DOMPurify to a small allowlist (lib/markdown.ts).
    <div className={`md ${className ?? ''}`} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
