/**
 * The notification bell: Anna mentions Ben and his badge goes to 1 live; he opens the panel (Escape closes it
 * and gives focus back to the bell), follows the row to the post and the badge goes back to 0. Three
 * colleagues comment on Ben's post: one grouped row ("… and 2 others commented on your post"). The full
 * page with "All"/"Unread" and "Mark all as read", the settings (types × channels, group posts, pausing
 * e-mails) in English and German, axe scans and phone screenshots.
 */
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, screenshotDir, seriousViolations, setupCompany, viewports } from './harness.ts';

const ANNA = { name: 'Anna Admin', email: 'anna@acme.test', password: 'anna-password-1' };
const BEN = { name: 'Ben Berger', email: 'ben@acme.test', password: 'ben-password-1' };
const COMMENTERS = [
  { name: 'Clara Cramer', email: 'clara@acme.test', password: 'clara-password-1' },
  { name: 'Dirk Decker', email: 'dirk@acme.test', password: 'dirk-password-1' },
  { name: 'Eva Ebert', email: 'eva@acme.test', password: 'eva-password-1' },
];
const acme = setupCompany({ colleagues: [BEN, ...COMMENTERS] });
const loggedIn = (person: { email: string; password: string }, options: BrowserContextOptions = {}) => acme.loggedIn(person, options);
let benId = '';

beforeAll(async () => {
  benId = acme.ids[BEN.email] ?? '';
  const anna = await loggedIn(ANNA);
  const group = (await apiAs(acme.app, anna.page, 'POST', '/groups', {
    name: 'Sales North',
    description: 'Vertrieb im Norden.',
    visibility: 'public',
    joinPolicy: 'open',
  })) as { id: string; slug: string };
  await anna.context.close();
  const session = await loggedIn(BEN);
  await apiAs(acme.app, session.page, 'POST', `/groups/${group.slug}/members`, {});
  await session.context.close();
});

/** The bell's accessible name carries the count ("Notifications, 3 unread"). */
const bell = (page: Page, name: string | RegExp = /^Notifications/) => page.getByRole('button', { name });

describe('notifications', () => {
  it('a mention reaches the bell live; the panel opens the post; comments are grouped into one row', async () => {
    const anna = await loggedIn(ANNA);
    const ben = await loggedIn(BEN);
    await ben.page.goto(`${acme.app.baseUrl}/`);
    await bell(ben.page, 'Notifications').waitFor();

    // Ben's tab is connected for live updates once Anna sees him under "Online now".
    await anna.page.goto(`${acme.app.baseUrl}/`);
    await anna.page.locator('section', { hasText: 'Online now' }).getByText(BEN.name).waitFor({ timeout: 15_000 });

    const mention = (await apiAs(acme.app, anna.page, 'POST', '/posts', {
      audience: { kind: 'profile' },
      body: `Hallo @${BEN.name}, kannst du bitte die Tourenplanung prüfen?`,
      mentions: [benId],
    })) as { id: string };

    // Live, without a reload.
    await bell(ben.page, 'Notifications, 1 unread').waitFor({ timeout: 15_000 });
    await expect.poll(() => ben.page.locator('.notification-bell__badge').textContent()).toBe('1');

    // The panel: a labelled dialog, focused; Escape closes it and focus returns to the bell.
    await bell(ben.page).click();
    const panel = ben.page.getByRole('dialog', { name: 'Notifications' });
    await panel.waitFor();
    const row = panel.getByRole('link', { name: /Anna Admin mentioned you in a post/ });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Tourenplanung');
    expect(await panel.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect(await seriousViolations(ben.page)).toEqual([]);
    await ben.page.screenshot({ path: join(screenshotDir, 'notifications-panel-desktop.png') });
    await ben.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await bell(ben.page).evaluate((el) => el === document.activeElement)).toBe(true);

    // Following the row opens the post and marks it read.
    await bell(ben.page).click();
    await panel.getByRole('link', { name: /Anna Admin mentioned you in a post/ }).click();
    await ben.page.waitForURL(`${acme.app.baseUrl}/posts/${mention.id}`);
    await bell(ben.page, 'Notifications').waitFor();
    expect(await ben.page.locator('.notification-bell__badge').count()).toBe(0);

    // Three colleagues comment on Ben's post: one row, the latest commenter named.
    const own = (await apiAs(acme.app, ben.page, 'POST', '/posts', { audience: { kind: 'profile' }, body: 'Neue Ladezeiten ab Montag.' })) as { id: string };
    for (const person of COMMENTERS) {
      const session = await loggedIn(person);
      await apiAs(acme.app, session.page, 'POST', `/posts/${own.id}/comments`, { body: `Danke, ${person.name.split(' ')[0]} hat es gelesen.` });
      await session.context.close();
    }
    await bell(ben.page, 'Notifications, 1 unread').waitFor({ timeout: 15_000 });
    await bell(ben.page).click();
    const grouped = panel.getByRole('link', { name: /and 2 others commented on your post/ });
    await grouped.waitFor();
    expect(await panel.getByRole('link', { name: /commented on your post/ }).count()).toBe(1);
    expect(await grouped.textContent()).toMatch(/^Eva Ebert and 2 others commented on your post/);
    await ben.page.screenshot({ path: join(screenshotDir, 'notifications-panel-grouped-desktop.png') });

    // "See all": the page, with the unread filter and "Mark all as read".
    await panel.getByRole('link', { name: 'See all' }).click();
    await ben.page.waitForURL(`${acme.app.baseUrl}/notifications`);
    await ben.page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const page = ben.page.getByRole('main');
    await page.getByRole('link', { name: /mentioned you in a post/ }).waitFor();
    await page.getByRole('button', { name: 'Unread' }).click();
    await page.getByRole('link', { name: /and 2 others commented on your post/ }).waitFor();
    expect(await page.getByRole('link', { name: /mentioned you in a post/ }).count()).toBe(0);
    expect(await seriousViolations(ben.page)).toEqual([]);
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByText('You have read everything.').waitFor();
    await bell(ben.page, 'Notifications').waitFor();

    await anna.context.close();
    await ben.context.close();
  });

  it('settings: types × channels, group posts and pausing e-mails, saved at once (English)', async () => {
    const ben = await loggedIn(BEN);
    await ben.page.goto(`${acme.app.baseUrl}/settings`);
    const card = ben.page.getByRole('region', { name: 'Notifications', exact: true });
    await card.waitFor();
    const status = card.getByRole('status');

    const inApp = card.getByRole('checkbox', { name: 'Mentions of you In the app' });
    await inApp.waitFor();
    expect(await inApp.isChecked()).toBe(true);
    // The box follows the saved setting (applied at once, then confirmed by the server): poll, not uncheck().
    await inApp.click();
    await expect.poll(() => inApp.isChecked()).toBe(false);
    await expect.poll(() => status.textContent()).toBe('Saved');
    await card.getByRole('combobox', { name: 'Comments on your posts E-mail' }).selectOption({ label: 'Daily digest' });
    await card.getByLabel('Sales North').selectOption({ label: 'Only announcements and mentions' });
    await card.getByLabel('Pause e-mails for').selectOption({ label: '7 days' });
    await card.getByText(/E-mails are paused until/).waitFor();
    expect(await card.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');
    await card.getByLabel('Time zone').selectOption('Europe/London');
    await expect.poll(() => status.textContent()).toBe('Saved');
    expect(await seriousViolations(ben.page)).toEqual([]);
    await card.screenshot({ path: join(screenshotDir, 'notifications-settings-desktop-en.png') });

    // Saved on the server: the same after a reload.
    await ben.page.reload();
    await card.getByRole('checkbox', { name: 'Mentions of you In the app' }).waitFor();
    expect(await card.getByRole('checkbox', { name: 'Mentions of you In the app' }).isChecked()).toBe(false);
    expect(await card.getByRole('combobox', { name: 'Comments on your posts E-mail' }).inputValue()).toBe('daily');
    expect(await card.getByLabel('Sales North').inputValue()).toBe('important');
    expect(await card.getByLabel('Time zone').inputValue()).toBe('Europe/London');
    await card.getByRole('button', { name: 'Resume e-mails' }).click();
    await card.getByLabel('Pause e-mails for').waitFor();
    await card.getByRole('checkbox', { name: 'Mentions of you In the app' }).click();
    await expect.poll(() => card.getByRole('checkbox', { name: 'Mentions of you In the app' }).isChecked()).toBe(true);
    await expect.poll(() => status.textContent()).toBe('Saved');
    await ben.context.close();
  });

  it('settings: two quick changes — a late answer to the first does not undo the second on the screen', async () => {
    const eva = await loggedIn(COMMENTERS[2] as (typeof COMMENTERS)[number]);
    await eva.page.goto(`${acme.app.baseUrl}/settings`);
    const card = eva.page.getByRole('region', { name: 'Notifications', exact: true });
    const comments = card.getByRole('checkbox', { name: 'Comments on your posts In the app' });
    const replies = card.getByRole('checkbox', { name: 'Replies to your comments In the app' });
    await comments.waitFor();
    expect(await comments.isChecked()).toBe(true);
    expect(await replies.isChecked()).toBe(true);
    // The first change reaches the server at once, but its answer is held back until the second change is answered —
    // as on a slow network, where answers overtake each other.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let patches = 0;
    await eva.page.route('**/api/v1/me/notification-settings', async (route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      const n = ++patches;
      const response = await route.fetch();
      if (n === 1) await held;
      await route.fulfill({ response });
      if (n === 2) release();
    });
    await comments.click();
    await expect.poll(() => patches).toBe(1);
    await replies.click();
    await expect.poll(() => patches).toBe(2);
    // Both answers are in (the first one last, saying "replies: on"): the screen still shows both changes …
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Saved');
    await expect.poll(async () => [await comments.isChecked(), await replies.isChecked()]).toEqual([false, false]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect([await comments.isChecked(), await replies.isChecked()]).toEqual([false, false]);
    // … and so does the server.
    await eva.page.unroute('**/api/v1/me/notification-settings');
    await eva.page.reload();
    await comments.waitFor();
    expect([await comments.isChecked(), await replies.isChecked()]).toEqual([false, false]);
    await eva.context.close();
  });

  for (const [lang, locale, colorScheme] of [
    ['en', 'en-US', 'light'],
    ['de', 'de-DE', 'dark'],
  ] as const) {
    it(`phone (${lang}, ${colorScheme}): the bell leads to the page; the settings fit and pass axe`, async () => {
      // Something to show, whatever ran before.
      const anna = await loggedIn(ANNA);
      await apiAs(acme.app, anna.page, 'POST', '/posts', { audience: { kind: 'profile' }, body: `Hallo @${BEN.name} (${lang})`, mentions: [benId] });
      await anna.context.close();
      const ben = await loggedIn(BEN, { viewport: viewports.phone, locale, colorScheme });
      // The saved preference wins over the browser's language: save the one under test.
      await apiAs(acme.app, ben.page, 'PATCH', `/users/${benId}`, { locale: lang });
      const t =
        lang === 'de'
          ? {
              title: 'Benachrichtigungen',
              inApp: 'Erwähnungen von dir In der App',
              email: 'Kommentare zu deinen Beiträgen E-Mail',
              daily: 'Tägliche Zusammenfassung',
              saved: 'Gespeichert',
              seen: /hat dich in einem Beitrag erwähnt/,
            }
          : {
              title: 'Notifications',
              inApp: 'Mentions of you In the app',
              email: 'Comments on your posts E-mail',
              daily: 'Daily digest',
              saved: 'Saved',
              seen: /mentioned you in a post/,
            };

      await ben.page.goto(`${acme.app.baseUrl}/`);
      const link = ben.page.getByRole('link', { name: new RegExp(`^${t.title}`) });
      await link.click();
      await ben.page.waitForURL(`${acme.app.baseUrl}/notifications`);
      await ben.page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      await ben.page
        .getByRole('main')
        .getByRole('link', { name: new RegExp(`${t.seen.source}.*\\(${lang}\\)`) })
        .waitFor();
      expect(await seriousViolations(ben.page)).toEqual([]);
      await ben.page.screenshot({ path: join(screenshotDir, `notifications-page-phone-${lang}.png`) });

      await ben.page.goto(`${acme.app.baseUrl}/settings`);
      const card = ben.page.getByRole('region', { name: t.title, exact: true });
      await card.getByRole('checkbox', { name: t.inApp }).waitFor();
      await card.getByRole('combobox', { name: t.email }).selectOption({ label: t.daily });
      await expect.poll(() => card.getByRole('status').textContent()).toBe(t.saved);
      // Nothing in the section is wider than the phone (no sideways scrolling of the table).
      const outside = await card.evaluate((el) =>
        [...el.querySelectorAll('*')].filter((child) => child.getBoundingClientRect().right > window.innerWidth).map((child) => child.outerHTML.slice(0, 80)),
      );
      expect(outside).toEqual([]);
      expect(await seriousViolations(ben.page)).toEqual([]);
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: join(screenshotDir, `notifications-settings-phone-${lang}.png`) });
      await ben.context.close();
    });
  }
});
