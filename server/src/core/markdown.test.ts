import { MARKDOWN_ATTRS, MARKDOWN_TAGS, plainText, renderMarkdown, safeHref } from '@innenhof/contract/markdown';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';

/** Every element and attribute of an HTML string, as a browser's parser would see them. */
function inventory(html: string): { tags: string[]; attrs: Array<[string, string, string]> } {
  const tags: string[] = [];
  const attrs: Array<[string, string, string]> = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        tags.push(name);
        for (const [k, v] of Object.entries(attributes)) attrs.push([name, k, v]);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { tags, attrs };
}

/** Hostile markdown, from the usual XSS cheat sheets and markdown-specific tricks. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<a href="javascript:alert(1)">klick</a>',
  '[klick](javascript:alert(1))',
  '[klick](JaVaScRiPt:alert(1))',
  '[klick](  javascript:alert(1)  )',
  '[klick](java\tscript:alert(1))',
  '[klick](&#106;avascript:alert(1))',
  '[klick](&#x6A;avascript:alert(1))',
  '[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[klick](vbscript:msgbox(1))',
  '[klick](file:///etc/passwd)',
  '[klick](https://ok.example "title" onmouseover="alert(1)")',
  '[klick](<javascript:alert(1)>)',
  '<javascript:alert(1)>',
  '![x](javascript:alert(1))',
  '![x](https://tracker.example/pixel.png)',
  '[![x](https://tracker.example/p.png)](https://ok.example)',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '<div onclick="alert(1)">**fett**</div>',
  '<details open ontoggle=alert(1)>',
  '<style>body{display:none}</style>',
  '<form action="https://evil.example"><input name=x></form>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '> <img src=x onerror=alert(1)>',
  '- [ ] <b onmouseover=alert(1)>x</b>',
  '| a | b |\n|---|---|\n| <script>x</script> | <img src=x onerror=alert(1)> |',
  '# <h1>Überschrift</h1>',
  '***\n<hr onmouseover=alert(1)>',
  '<!-- <script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '"><script>alert(1)</script>',
  "'onmouseover='alert(1)",
  '[x](https://ok.example/"onmouseover="alert(1))',
  'www.example.com/<script>',
  'mail@example.com <script>',
  '@Eve" onmouseover="alert(1)',
  '#tag"><script>alert(1)</script>',
  '1. one\n2. two\n\n5) <img src=x onerror=alert(1)>',
];

describe('markdown (one renderer for web and server)', () => {
  it.each(HOSTILE)('emits only allowlisted tags, attributes and link targets for %j', (input) => {
    const html = renderMarkdown(input, [{ id: 'u1', name: 'Eve" onmouseover="alert(1)' }], { hashtags: true });
    const { tags, attrs } = inventory(html);
    for (const tag of tags) expect(MARKDOWN_TAGS as readonly string[], `${tag} in ${html}`).toContain(tag);
    for (const [tag, name, value] of attrs) {
      expect(MARKDOWN_ATTRS as readonly string[], `${tag}[${name}] in ${html}`).toContain(name);
      if (name === 'href') expect(value, html).toMatch(/^(https?:\/\/|mailto:|\/)/i);
      if (name === 'href') expect(value.toLowerCase(), html).not.toMatch(/script:|data:/);
      if (name === 'start') expect(value, html).toMatch(/^\d+$/);
    }
  });

  it('renders the light formatting people type', () => {
    expect(renderMarkdown('**fett** _kursiv_ ~~weg~~ `code`')).toBe('<p><strong>fett</strong> <em>kursiv</em> <del>weg</del> <code>code</code></p>\n');
    expect(renderMarkdown('- eins\n- zwei')).toBe('<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>\n');
    expect(renderMarkdown('3. drei\n4. vier')).toContain('<ol start="3">');
    expect(renderMarkdown('> zitiert')).toBe('<blockquote>\n<p>zitiert</p>\n</blockquote>\n');
    expect(renderMarkdown('Zeile 1\nZeile 2')).toBe('<p>Zeile 1<br>Zeile 2</p>\n');
    expect(renderMarkdown('[Wiki](https://wiki.example/a?b=1&c=2)')).toBe(
      '<p><a href="https://wiki.example/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">Wiki</a></p>\n',
    );
    expect(renderMarkdown('```\nif (a < b) {}\n```')).toBe('<pre><code>if (a &lt; b) {}\n</code></pre>\n');
  });

  it('shows raw HTML, images, headings and unsafe links as the text that was typed', () => {
    expect(renderMarkdown('<b>fett</b>')).toBe('<p>&lt;b&gt;fett&lt;/b&gt;</p>\n');
    expect(renderMarkdown('![Bild](https://x.example/a.png)')).toBe('<p>![Bild](https://x.example/a.png)</p>\n');
    expect(renderMarkdown('# Titel')).toBe('<p># Titel</p>\n');
    expect(renderMarkdown('[klick](javascript:alert(1))')).toBe('<p>klick</p>\n');
    expect(renderMarkdown('Tom &amp; Jerry')).toBe('<p>Tom &amp; Jerry</p>\n');
  });

  it('links mentions of the listed people and #hashtags, but not inside code or links', () => {
    const html = renderMarkdown(
      'Hallo @Anna Schmidt und @Anna, siehe #Mittagessen `#nicht` [#auch nicht](https://x.example) #42',
      [
        { id: 'a1', name: 'Anna' },
        { id: 'a2', name: 'Anna Schmidt' },
      ],
      { hashtags: true },
    );
    expect(html).toContain('<a class="mention" href="/people/a2" data-mention="a2">@Anna Schmidt</a>');
    expect(html).toContain('<a class="mention" href="/people/a1" data-mention="a1">@Anna</a>,');
    expect(html).toContain('<a class="hashtag" href="/hashtags/mittagessen" data-hashtag="mittagessen">#Mittagessen</a>');
    expect(html).toContain('<code>#nicht</code>');
    expect(html).toContain('>#auch nicht</a>');
    expect(html).toContain(' #42');
    // Chat has no hashtag pages.
    expect(renderMarkdown('#Mittagessen')).toBe('<p>#Mittagessen</p>\n');
  });

  it('keeps only safe link targets and gives a plain-text form for previews', () => {
    expect(safeHref('https://ok.example')).toBe('https://ok.example');
    expect(safeHref('/posts/1')).toBe('/posts/1');
    expect(safeHref('mailto:a@b.example')).toBe('mailto:a@b.example');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'ftp://x', '&#106;avascript:x']) expect(safeHref(bad)).toBeNull();
    expect(plainText('**Neu:** [Richtlinie](https://x.example)\n\n- eins')).toBe('Neu: Richtlinie - eins');
  });
});
