import { Marked, type Tokens } from 'marked';

/**
 * Light markdown for posts, comments and chat messages — one renderer for the web app and the server
 * (e-mails), safe by construction: it emits only the tags and attributes below, whatever the input.
 * Raw HTML is shown as text, images and headings as their source text, tables and task boxes as text;
 * links keep only http(s), mailto and same-site paths. The web app passes the result through DOMPurify
 * as a second lock with the same allowlist.
 */
export const MARKDOWN_TAGS = ['strong', 'em', 'code', 'pre', 'a', 'br', 'p', 'del', 'ul', 'ol', 'li', 'blockquote'] as const;
export const MARKDOWN_ATTRS = ['href', 'target', 'rel', 'class', 'start', 'data-mention', 'data-hashtag'] as const;

export interface MarkdownMention {
  id: string;
  name: string;
}

export interface MarkdownOptions {
  /** "@Full Name" of these people becomes a link to their profile (outside code and links). */
  mentions?: readonly MarkdownMention[];
  /** "#tag" words become links to the hashtag page (posts and comments; chat has no hashtag pages). */
  hashtags?: boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every special character escaped: what the browser reads back is exactly `text`. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** http(s), mailto and same-site links; anything else with a scheme (javascript:, data:, vbscript:, …) is dropped. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  if (/^(https?:\/\/|mailto:)/i.test(h)) return h;
  if (/^[/#?]/.test(h)) return h;
  return null;
}

/** "#tag" as the server extracts hashtags: letters, digits, underscore, not digits alone. */
const HASHTAG = /(^|[^\p{L}\p{N}_&#])#([\p{L}\p{N}_]{1,50})/gu;

interface Linker {
  mentions: readonly MarkdownMention[];
  mentionPattern: RegExp | null;
  hashtags: boolean;
  inLink: number;
}

/** Escapes a run of plain text, turning mentions and hashtags into links (not inside a link). */
function linkText(text: string): string {
  if (linker.inLink > 0) return escapeHtml(text);
  const pieces: Array<{ start: number; end: number; html: string }> = [];
  if (linker.mentionPattern) {
    linker.mentionPattern.lastIndex = 0;
    for (let m = linker.mentionPattern.exec(text); m; m = linker.mentionPattern.exec(text)) {
      const person = linker.mentions.find((p) => p.name === m?.[1]);
      if (!person) continue;
      pieces.push({
        start: m.index,
        end: m.index + m[0].length,
        html: `<a class="mention" href="/people/${encodeURIComponent(person.id)}" data-mention="${escapeHtml(person.id)}">${escapeHtml(m[0])}</a>`,
      });
    }
  }
  if (linker.hashtags && text.includes('#')) {
    HASHTAG.lastIndex = 0;
    for (let m = HASHTAG.exec(text); m; m = HASHTAG.exec(text)) {
      const tag = m[2] ?? '';
      if (/^\p{N}+$/u.test(tag)) continue;
      const start = m.index + (m[1]?.length ?? 0);
      const end = start + tag.length + 1;
      if (pieces.some((p) => start < p.end && end > p.start)) continue;
      const key = tag.toLowerCase();
      pieces.push({
        start,
        end,
        html: `<a class="hashtag" href="/hashtags/${encodeURIComponent(key)}" data-hashtag="${escapeHtml(key)}">#${escapeHtml(tag)}</a>`,
      });
    }
  }
  if (!pieces.length) return escapeHtml(text);
  pieces.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const p of pieces) {
    out += escapeHtml(text.slice(at, p.start)) + p.html;
    at = p.end;
  }
  return out + escapeHtml(text.slice(at));
}

/** Text of inline tokens without any markup (for the alt-text-like fallbacks). */
function rawOf(token: { raw: string }): string {
  return escapeHtml(token.raw.trim());
}

/** The linker of the render in progress (parsing is synchronous, so one at a time). */
let linker: Linker = { mentions: [], mentionPattern: null, hashtags: false, inLink: 0 };

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
    image: (token: Tokens.Image) => escapeHtml(token.raw),
    heading: (token: Tokens.Heading) => `<p>${rawOf(token)}</p>\n`,
    hr: (token: Tokens.Hr) => `<p>${rawOf(token)}</p>\n`,
    table: (token: Tokens.Table) => `<p>${escapeHtml(token.raw.trim()).replace(/\n/g, '<br>')}</p>\n`,
    checkbox: (token: Tokens.Checkbox) => (token.checked ? '☑ ' : '☐ '),
    code: (token: Tokens.Code) => `<pre><code>${escapeHtml(token.text.replace(/\n$/, ''))}\n</code></pre>\n`,
    codespan: (token: Tokens.Codespan) => `<code>${escapeHtml(token.text)}</code>`,
    list(token: Tokens.List) {
      const tag = token.ordered ? 'ol' : 'ul';
      const start = token.ordered && typeof token.start === 'number' && token.start !== 1 ? ` start="${Math.trunc(token.start)}"` : '';
      return `<${tag}${start}>\n${token.items.map((item) => this.listitem(item)).join('')}</${tag}>\n`;
    },
    link(token: Tokens.Link) {
      linker.inLink++;
      const inner = this.parser.parseInline(token.tokens);
      linker.inLink--;
      const href = safeHref(token.href);
      if (href === null) return inner;
      return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${inner}</a>`;
    },
    text(token: Tokens.Text | Tokens.Escape) {
      if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
      return linkText(unescapeEntities(token.text));
    },
  },
});

/** marked leaves character references as typed (`&amp;`, `&#39;`): read them as the characters they stand for. */
function unescapeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (whole, ref: string) => {
    const r = ref.toLowerCase();
    if (r.startsWith('#x')) return codePoint(Number.parseInt(r.slice(2), 16)) ?? whole;
    if (r.startsWith('#')) return codePoint(Number.parseInt(r.slice(1), 10)) ?? whole;
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[r] ?? whole;
  });
}

function codePoint(n: number): string | null {
  return Number.isFinite(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : null;
}

/** Body → HTML with only the allowlisted tags and attributes; mentions (and, when asked, hashtags) linked. */
export function renderMarkdown(body: string, mentions: readonly MarkdownMention[] = [], options: Omit<MarkdownOptions, 'mentions'> = {}): string {
  // Longest names first, so "@Ann Smith" wins over "@Ann".
  const byName = [...mentions].filter((m) => m.name).sort((a, b) => b.name.length - a.name.length);
  linker = {
    mentions: byName,
    mentionPattern: byName.length ? new RegExp(`@(${byName.map((m) => m.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g') : null,
    hashtags: Boolean(options.hashtags),
    inLink: 0,
  };
  return marked.parse(body) as string;
}

/** A short plain-text form of a body for previews, notifications and search results (markdown marks dropped). */
export function plainText(body: string): string {
  return body
    .replace(/```[\s\S]*?```/g, (block) => block.replace(/```\w*\n?/g, ''))
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
