import { Parser } from 'htmlparser2';

/** What a page says about itself, entities decoded, whitespace collapsed; empty strings when absent. */
export interface PageMeta {
  title: string;
  ogTitle: string;
  description: string;
  ogDescription: string;
  siteName: string;
  image: string;
}

const clean = (s: string): string =>
  s
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Reads <title> and the Open Graph / description meta tags from (the first part of) an HTML page. The
 * parser decodes entities and copes with broken markup; scripts and styles are never executed or read.
 */
export function parseMeta(html: string): PageMeta {
  const meta: PageMeta = { title: '', ogTitle: '', description: '', ogDescription: '', siteName: '', image: '' };
  let inTitle = false;
  let titleDone = false;
  let title = '';
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'title' && !titleDone) inTitle = true;
        if (name !== 'meta') return;
        const key = (attribs.property ?? attribs.name ?? '').trim().toLowerCase();
        const content = attribs.content;
        if (content === undefined) return;
        const first = (field: keyof PageMeta) => {
          if (!meta[field]) meta[field] = clean(content);
        };
        if (key === 'og:title') first('ogTitle');
        else if (key === 'og:description') first('ogDescription');
        else if (key === 'description') first('description');
        else if (key === 'og:site_name') first('siteName');
        else if (key === 'og:image' || key === 'og:image:url' || key === 'og:image:secure_url') first('image');
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          titleDone = true;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  meta.title = clean(title);
  return meta;
}

/** The charset a page declares in a <meta> within its first 1024 bytes (HTML's prescan, simplified). */
export function sniffCharset(head: Buffer): string | null {
  const text = head.subarray(0, 1024).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(text);
  return m ? (m[1] as string).toLowerCase() : null;
}

/** Bytes to text in the page's charset (unknown labels fall back to UTF-8, never throw). */
export function decodeHtml(body: Buffer, headerCharset: string | null): string {
  const label = headerCharset ?? sniffCharset(body) ?? 'utf-8';
  try {
    return new TextDecoder(label, { fatal: false }).decode(body);
  } catch {
    return new TextDecoder('utf-8', { fatal: false }).decode(body);
  }
}
