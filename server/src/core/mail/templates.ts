import fs from 'node:fs';
import path from 'node:path';
import { escapeHtml } from '@innenhof/contract/markdown';
import i18next, { type TFunction } from 'i18next';
import { localesDir } from '../paths.js';

export type MailLocale = 'de' | 'en';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

let ready: Promise<TFunction> | null = null;
const instance = i18next.createInstance();

function load(): Promise<TFunction> {
  ready ??= instance.init({
    lng: 'en',
    fallbackLng: 'en',
    ns: ['mail'],
    defaultNS: 'mail',
    interpolation: { escapeValue: false },
    resources: Object.fromEntries(
      (['de', 'en'] as const).map((lng) => [lng, { mail: JSON.parse(fs.readFileSync(path.join(localesDir, lng, 'mail.json'), 'utf8')) as object }]),
    ),
  });
  return ready;
}

export interface ActionMail {
  locale: MailLocale;
  /** Key prefix in mail.json: `invitation`, `passwordReset`. */
  template: 'invitation' | 'guestInvitation' | 'passwordReset';
  recipientName: string | null;
  company: string;
  actionUrl: string;
  params: Record<string, string | number>;
}

/** The catalog's translator for one language (`mail` namespace). */
export async function mailTranslator(locale: MailLocale): Promise<TFunction> {
  await load();
  return instance.getFixedT(locale, 'mail');
}

export interface MailLayout {
  locale: MailLocale;
  /** The company's name and logo on top (the logo is public, like on the login page). */
  brand?: { name: string; logoUrl: string | null };
  /** Plain paragraphs (escaped here). */
  paragraphs: string[];
  /** Already-safe HTML shown after the paragraphs (e.g. rendered markdown); its text form goes in `quoteText`. */
  quoteHtml?: string;
  quoteText?: string;
  action: { label: string; url: string };
  /** Small print under the button (the link itself is added). */
  small: string[];
  /** Footer lines, each optionally a link. */
  footer: Array<{ text: string; url?: string }>;
}

/** One look for every mail: paragraphs, an optional quote, one button, small print, a footer — as text and HTML. */
export function renderLayout(l: MailLayout, subject: string): RenderedMail {
  const e = escapeHtml;
  const text = [
    ...l.paragraphs,
    ...(l.quoteText
      ? [
          l.quoteText
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n'),
        ]
      : []),
    `${l.action.label}:\n${l.action.url}`,
    ...l.small,
    `-- \n${l.footer.map((f) => (f.url ? `${f.text}: ${f.url}` : f.text)).join('\n')}`,
  ].join('\n\n');
  const quote = l.quoteHtml ? `<blockquote style="margin:12px 0;padding:8px 12px;border-left:3px solid #ccd0d5;color:#1c1e21">${l.quoteHtml}</blockquote>` : '';
  const brand = l.brand
    ? `<p style="font-size:18px;font-weight:700">${l.brand.logoUrl ? `<img src="${e(l.brand.logoUrl)}" alt="" width="32" height="32" style="vertical-align:middle;border-radius:6px;margin-right:8px">` : ''}${e(l.brand.name)}</p>`
    : '';
  const html = `<!doctype html><html lang="${l.locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c1e21">
${brand}${l.paragraphs.map((p) => `<p>${e(p)}</p>`).join('')}${quote}
<p><a href="${e(l.action.url)}" style="display:inline-block;padding:10px 16px;background:#1b74e4;color:#fff;border-radius:6px;text-decoration:none">${e(l.action.label)}</a></p>
<p style="font-size:13px;color:#65676b">${[...l.small.map(e), e(l.action.url)].join('<br>')}</p>
<hr style="border:none;border-top:1px solid #ddd"><p style="font-size:12px;color:#65676b">${l.footer
    .map((f) => (f.url ? `<a href="${e(f.url)}" style="color:#65676b">${e(f.text)}</a>` : e(f.text)))
    .join('<br>')}</p></body></html>`;
  return { subject, text: `${text}\n`, html };
}

/** A mail with one call to action, in the recipient's language, as text and HTML. */
export async function renderActionMail(mail: ActionMail): Promise<RenderedMail> {
  const t = await mailTranslator(mail.locale);
  const vars = { ...mail.params, company: mail.company, name: mail.recipientName ?? '' };
  const greeting = mail.recipientName ? t('greeting', vars) : t('greetingAnonymous');
  return renderLayout(
    {
      locale: mail.locale,
      paragraphs: [greeting, t(`${mail.template}.body`, vars)],
      action: { label: t(`${mail.template}.action`, vars), url: mail.actionUrl },
      small: [t(`${mail.template}.expiry`, vars)],
      footer: [{ text: t('footer', vars) }],
    },
    t(`${mail.template}.subject`, vars),
  );
}
