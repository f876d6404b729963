import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSetup, launchBrowser, login, makePng, newPage, startApp, type TestApp } from './harness.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a new colleague joins', () => {
  it('setup → invitation mail → accept → profile with avatar → finds the admin in the directory', async () => {
    // The admin sets Innenhof up and invites Ben.
    const admin = await newPage(browser);
    const anna = await completeSetup(admin.page, app.baseUrl);
    await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin', exact: true }).click();
    await admin.page.getByRole('link', { name: 'Invitations' }).click();
    await admin.page.getByLabel('E-mail', { exact: true }).fill('ben@acme.test');
    await admin.page.getByLabel('Language of the e-mail').selectOption('en');
    await admin.page.getByRole('button', { name: 'Send invitation' }).click();
    await admin.page.getByText('Invitation sent to ben@acme.test').waitFor();
    await admin.page.getByRole('cell', { name: 'ben@acme.test', exact: true }).waitFor();

    // Ben opens the link from the mail in his own browser.
    const mail = await app.waitForMail((m) => m.to.includes('ben@acme.test'));
    const link = mail.text.match(/https?:\/\/\S+\/invite\/[^\s>"')]+/)?.[0];
    expect(link, `invitation link in mail:\n${mail.text}`).toBeTruthy();
    expect(link?.startsWith(app.baseUrl)).toBe(true);

    const ben = await newPage(browser);
    await ben.page.goto(link as string);
    await ben.page.getByRole('heading', { name: 'Join Acme Logistik GmbH' }).waitFor();
    expect(await ben.page.getByLabel('E-mail').inputValue()).toBe('ben@acme.test');
    await ben.page.getByLabel('Your name').fill('Ben Becker');
    await ben.page.getByLabel('Choose a password').fill('ben-password-1');
    await ben.page.getByRole('button', { name: 'Join' }).click();

    // He lands in the app, on his own profile, and completes it.
    await ben.page.getByRole('heading', { level: 1, name: 'Ben Becker' }).waitFor();
    expect(new URL(ben.page.url()).pathname).toMatch(/^\/people\/[\w-]+$/);
    await ben.page.getByRole('button', { name: 'Edit profile' }).click();
    const dialog = ben.page.getByRole('dialog', { name: 'Edit profile' });
    await dialog.waitFor();
    await dialog.getByLabel('Upload profile photo').setInputFiles({
      name: 'ben.png',
      mimeType: 'image/png',
      buffer: makePng(96, 96, [200, 90, 40]),
    });
    await dialog.getByRole('button', { name: 'Replace profile photo' }).waitFor();
    await dialog.getByLabel('Job title').fill('Warehouse planner');
    await dialog.getByLabel('Department').fill('Logistics');
    await dialog.getByLabel('Location').fill('Hamburg');
    await dialog.getByLabel('Phone').fill('+49 40 123456');
    await dialog.getByLabel('Ask me about').fill('Forklifts');
    await dialog.getByLabel('Ask me about').press('Enter');
    await dialog.getByRole('combobox', { name: 'Choose a manager' }).fill('Anna');
    await dialog.getByRole('option', { name: /Anna Admin/ }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const main = ben.page.getByRole('main');
    await main.getByText('Warehouse planner').first().waitFor();
    await main.getByRole('link', { name: 'Hamburg' }).waitFor();
    await main.getByRole('link', { name: '+49 40 123456' }).waitFor();
    await main.getByText('Forklifts').waitFor();
    await main.getByRole('link', { name: 'Anna Admin' }).waitFor();
    const avatarSrc = await main.getByRole('img', { name: 'Profile photo of Ben Becker' }).getAttribute('src');
    expect(avatarSrc).toBeTruthy();
    expect(avatarSrc).not.toContain('initials');

    // He finds the admin in the directory by typing part of her name.
    await ben.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await ben.page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await ben.page.getByLabel('Name, job title or skill').fill('ann');
    await ben.page.waitForURL(/q=ann/);
    const results = ben.page.getByRole('region', { name: 'Results' });
    await results.getByRole('link', { name: anna.name }).waitFor();
    // The unfiltered list stays visible until the search answers: wait for Ben to drop out.
    await results.getByRole('link', { name: 'Ben Becker' }).waitFor({ state: 'detached', timeout: 10_000 });
    await results.getByRole('link', { name: anna.name }).click();
    await ben.page.getByRole('heading', { level: 1, name: anna.name }).waitFor();
    // Ben now shows as her direct report.
    await ben.page.getByRole('main').getByRole('link', { name: 'Ben Becker' }).waitFor();

    expect([...admin.problems, ...ben.problems]).toEqual([]);
    await admin.context.close();
    await ben.context.close();
  });
});

describe('language', () => {
  it('switches between German and English and remembers the choice', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, app.baseUrl, 'anna@acme.test', 'anna-password-1');
    await page.goto(`${app.baseUrl}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    await page.getByRole('radio', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await page.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('link', { name: 'Personen' }).waitFor();
    // Give the PATCH a moment to land, then reload: still German.
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();

    // The choice is stored on the account: a fresh browser (English) shows German after login too.
    const other = await newPage(browser, { locale: 'en-US' });
    await login(other.page, app.baseUrl, 'anna@acme.test', 'anna-password-1');
    await other.page.getByRole('heading', { level: 1, name: 'Startseite' }).waitFor();
    await other.context.close();

    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('password reset', () => {
  it('forgot password → link from the mail → new password → back to the wanted page', async () => {
    const { context, page, problems } = await newPage(browser);
    // A deep link while logged out goes to the login page and remembers where to return.
    await page.goto(`${app.baseUrl}/people/org-chart`);
    await page.waitForURL(/\/login\?redirect=/);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    await page.getByLabel('E-mail').fill('anna@acme.test');
    await page.getByRole('button', { name: 'Send link' }).click();
    await page.getByText('If the address is known').waitFor();

    const mail = await app.waitForMail((m) => m.to.includes('anna@acme.test') && /\/reset-password\//.test(m.text));
    const link = mail.text.match(/https?:\/\/\S+\/reset-password\/[^\s>"')]+/)?.[0];
    expect(link, mail.text).toBeTruthy();
    await page.goto(link as string);
    await page.getByLabel('New password').fill('anna-new-password-2');
    await page.getByLabel('Repeat the password').fill('anna-new-password-2');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('Your password was changed.').waitFor();

    // The same link does not work twice.
    const again = await newPage(browser);
    await again.page.goto(link as string);
    await again.page.getByLabel('New password').fill('anna-new-password-3');
    await again.page.getByLabel('Repeat the password').fill('anna-new-password-3');
    await again.page.getByRole('button', { name: 'Save password' }).click();
    await again.page.getByText('This link is invalid or has expired.').waitFor();
    await again.context.close();

    await page.goto(`${app.baseUrl}/people/org-chart`);
    await page.waitForURL(/\/login\?redirect=/);
    await page.locator('input[name="email"]').fill('anna@acme.test');
    await page.locator('input[name="password"]').fill('anna-new-password-2');
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('heading', { level: 1, name: 'Org chart' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/people/org-chart');

    expect(problems).toEqual([]);
    await context.close();
  });
});
