import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * Light markdown for chat messages, posts and comments: bold, italic, strike-through, code, links, lists, quotes, line breaks.
 * HTML typed into a message is shown as text (never parsed), images and headings stay plain text.
 */
const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
    image: (token: Tokens.Image) => escapeHtml(token.raw),
    heading: (token: Tokens.Heading) => `<p>${escapeHtml(token.raw.trim())}</p>`,
    hr: (token: Tokens.Hr) => `<p>${escapeHtml(token.raw.trim())}</p>`,
  },
});

const ALLOWED_TAGS = ['strong', 'em', 'code', 'pre', 'a', 'br', 'p', 'del', 'ul', 'ol', 'li', 'blockquote'];

let hooked = false;
function purifier(): typeof DOMPurify {
  if (!hooked) {
    hooked = true;
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A' && node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
  }
  return DOMPurify;
}

/** Turns "@Full Name" of the listed mentions into links to their profiles (outside code and links). */
function linkMentions(root: DocumentFragment, mentions: { id: string; name: string }[]): void {
  if (!mentions.length) return;
  // Longest names first, so "@Ann Smith" wins over "@Ann".
  const byName = [...mentions].sort((a, b) => b.name.length - a.name.length);
  const pattern = new RegExp(`@(${byName.map((m) => m.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node.parentElement?.closest('a, code, pre') ?? null) === null) texts.push(node as Text);
  }
  for (const text of texts) {
    const value = text.data;
    pattern.lastIndex = 0;
    if (!pattern.test(value)) continue;
    pattern.lastIndex = 0;
    const out = document.createDocumentFragment();
    let at = 0;
    for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
      const person = byName.find((m) => m.name === match?.[1]);
      if (!person) continue;
      out.append(value.slice(at, match.index));
      const link = document.createElement('a');
      link.className = 'mention';
      link.href = `/people/${encodeURIComponent(person.id)}`;
      link.dataset.mention = person.id;
      link.textContent = match[0];
      out.append(link);
      at = match.index + match[0].length;
    }
    out.append(value.slice(at));
    text.replaceWith(out);
  }
}

/** "#tag" words (letters, digits, underscore; as the server extracts them) become links to the hashtag page. */
function linkHashtags(root: DocumentFragment): void {
  const pattern = /(^|[^\p{L}\p{N}_&#])#([\p{L}\p{N}_]{1,50})/gu;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node.parentElement?.closest('a, code, pre') ?? null) === null && node.nodeValue?.includes('#')) texts.push(node as Text);
  }
  for (const text of texts) {
    const value = text.data;
    const out = document.createDocumentFragment();
    let at = 0;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
      const tag = match[2] ?? '';
      // Digits alone are not a hashtag ("#1").
      if (/^\p{N}+$/u.test(tag)) continue;
      const start = match.index + (match[1]?.length ?? 0);
      out.append(value.slice(at, start));
      const link = document.createElement('a');
      link.className = 'hashtag';
      link.href = `/hashtags/${encodeURIComponent(tag.toLowerCase())}`;
      link.dataset.hashtag = tag.toLowerCase();
      link.textContent = `#${tag}`;
      out.append(link);
      at = start + tag.length + 1;
    }
    if (at === 0) continue;
    out.append(value.slice(at));
    text.replaceWith(out);
  }
}

/**
 * Body → sanitized HTML (allowlisted tags; links open in a new tab; mentions linked, and #hashtags when asked:
 * posts and comments have hashtag pages, chat does not).
 */
export function renderMarkdown(body: string, mentions: { id: string; name: string }[] = [], options: { hashtags?: boolean } = {}): string {
  const raw = marked.parse(body) as string;
  const fragment = purifier().sanitize(raw, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'target', 'rel'],
    ALLOW_DATA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  linkMentions(fragment, mentions);
  if (options.hashtags) linkHashtags(fragment);
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

/** A short plain-text form of a body for previews and search results (markdown marks dropped). */
export function plainText(body: string): string {
  return body
    .replace(/```[\s\S]*?```/g, (block) => block.replace(/```\w*\n?/g, ''))
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
