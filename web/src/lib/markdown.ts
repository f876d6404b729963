import { MARKDOWN_ATTRS, MARKDOWN_TAGS, type MarkdownMention, renderMarkdown as render } from '@innenhof/contract/markdown';
import DOMPurify from 'dompurify';

export { plainText } from '@innenhof/contract/markdown';

/**
 * Body → HTML for `dangerouslySetInnerHTML`: the shared renderer (the same the server uses for e-mails; safe
 * by construction), then DOMPurify with the same allowlist as a second lock.
 */
export function renderMarkdown(body: string, mentions: readonly MarkdownMention[] = [], options: { hashtags?: boolean } = {}): string {
  return DOMPurify.sanitize(render(body, mentions, options), {
    ALLOWED_TAGS: [...MARKDOWN_TAGS],
    ALLOWED_ATTR: [...MARKDOWN_ATTRS],
    ALLOW_DATA_ATTR: false,
  });
}
