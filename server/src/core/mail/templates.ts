import fs from 'node:fs';
import path from 'node:path';
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

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
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

/** A mail with one call to action, in the recipient's language, as text and HTML. */
export async function renderActionMail(mail: ActionMail): Promise<RenderedMail> {
  await load();
  const t = instance.getFixedT(mail.locale, 'mail');
  const vars = { ...mail.params, company: mail.company, name: mail.recipientName ?? '' };
  const greeting = mail.recipientName ? t('greeting', vars) : t('greetingAnonymous');
  const subject = t(`${mail.template}.subject`, vars);
  const body = t(`${mail.template}.body`, vars);
  const action = t(`${mail.template}.action`, vars);
  const expiry = t(`${mail.template}.expiry`, vars);
  const footer = t('footer', vars);
  const text = `${greeting}\n\n${body}\n\n${action}:\n${mail.actionUrl}\n\n${expiry}\n\n-- \n${footer}\n`;
  const e = escapeHtml;
  const html = `<!doctype html><html lang="${mail.locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c1e21">
<p>${e(greeting)}</p><p>${e(body)}</p>
<p><a href="${e(mail.actionUrl)}" style="display:inline-block;padding:10px 16px;background:#1b74e4;color:#fff;border-radius:6px;text-decoration:none">${e(action)}</a></p>
<p style="font-size:13px;color:#65676b">${e(expiry)}<br>${e(mail.actionUrl)}</p>
<hr style="border:none;border-top:1px solid #ddd"><p style="font-size:12px;color:#65676b">${e(footer)}</p></body></html>`;
  return { subject, text, html };
}
