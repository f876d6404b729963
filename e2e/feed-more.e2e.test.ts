/**
 * More of the feed: comments as on Facebook (the two latest under the post, "View N more comments" pages
 * older ones in above them, new ones at the bottom); "Remind the rest" for an announcement, which reaches a
 * colleague live on another page as a banner that leads to the post and goes once they confirm (and a second
 * reminder within the hour is refused); who reacted, a page at a time. Screenshots on a phone.
 */
import { join } from 'node:path';
import { type Browser, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, completeSetup, ensureScreenshotDir, launchBrowser, login, newPage, screenshotDir, startApp, type TestApp, viewports } from './harness.ts';

let app: TestApp;
let browser: Browser;

const ANNA = { name: 'Anna Admin', email: 'anna@acme.test', password: 'anna-password-1' };
const BEN = { name: 'Ben Berger', email: 'ben@acme.test', password: 'ben-password-1' };
const CLARA = { name: 'Clara Cramer', email: 'clara@acme.test', password: 'clara-password-1' };
let annaId = '';

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await ensureScreenshotDir();
  const { context, page } = await newPage(browser);
  await completeSetup(page, app.baseUrl);
  await apiAs(app, page, 'POST', '/users', { ...BEN, role: 'member' });
  await apiAs(app, page, 'POST', '/users', { ...CLARA, role: 'member' });
  annaId = ((await apiAs(app, page, 'GET', '/me')) as { user: { id: string } }).user.id;
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function loggedIn(person: { email: string; password: string }, viewport?: { width: number; height: number }) {
  const session = await newPage(browser, viewport ? { viewport } : {});
  await login(session.page, app.baseUrl, person.email, person.password);
  return session;
}

const postCard = (page: Page, text: string) => page.getByRole('article').filter({ hasText: text }).first();
const label = (n: number) => `Comment ${String(n).padStart(2, '0')}`;

describe('feed, more', () => {
  it('comments: the two latest, "View N more comments" loads older ones above, new ones at the bottom', async () => {
    const anna = await loggedIn(ANNA);
    const post = (await apiAs(app, anna.page, 'POST', '/posts', { audience: { kind: 'profile' }, body: 'Lunch plans for Friday?' })) as { id: string };
    for (let n = 1; n <= 25; n++) await apiAs(app, anna.page, 'POST', `/posts/${post.id}/comments`, { body: label(n) });
    await anna.context.close();

    const ben = await loggedIn(BEN, viewports.phone);
    await ben.page.goto(`${app.baseUrl}/people/${annaId}`);
    const card = postCard(ben.page, 'Lunch plans for Friday');
    await card.waitFor();
    const bodies = card.locator('.comments > .comments__list > li .comment__body');
    const shown = async () => (await bodies.allTextContents()).map((text) => text.trim());
    await expect.poll(shown).toEqual([label(24), label(25)]);
    await card.getByRole('button', { name: '25 comments' }).waitFor();

    // The button sits above the comments; each click prepends the next older page and the number falls.
    await card.getByRole('button', { name: 'View 23 more comments' }).click();
    await card.getByRole('button', { name: 'View 13 more comments' }).waitFor();
    await expect.poll(shown).toEqual(Array.from({ length: 12 }, (_, i) => label(14 + i)));
    const more = card.getByRole('button', { name: 'View 13 more comments' });
    const first = card.getByText(label(14), { exact: true });
    expect((await more.boundingBox())?.y ?? 0).toBeLessThan((await first.boundingBox())?.y ?? 0);
    await more.scrollIntoViewIfNeeded();
    await ben.page.screenshot({ path: join(screenshotDir, 'feed-comments-phone.png') });

    await more.click();
    await card.getByRole('button', { name: 'View 3 more comments' }).click();
    await expect.poll(shown).toEqual(Array.from({ length: 25 }, (_, i) => label(i + 1)));
    await expect.poll(() => card.getByRole('button', { name: /more comment/ }).count()).toBe(0);

    // A new comment goes to the bottom.
    const box = card.getByRole('combobox', { name: 'Write a comment…' });
    await box.fill('Pizza it is!');
    await box.press('Enter');
    await expect.poll(shown).toEqual([...Array.from({ length: 25 }, (_, i) => label(i + 1)), 'Pizza it is!']);
    await card.getByRole('button', { name: '26 comments' }).waitFor();
    expect(ben.problems).toEqual([]);
    await ben.context.close();
  });

  it('announcement: "Remind the rest" reaches a colleague on another page; confirming ends it; once an hour', async () => {
    const anna = await loggedIn(ANNA);
    const body = 'Please read the new **safety rules** for the warehouse before Monday: helmets, vests and the new forklift lanes are mandatory.';
    const post = (await apiAs(app, anna.page, 'POST', '/posts', {
      audience: { kind: 'company' },
      body,
      announcement: { requiresConfirmation: true },
    })) as { id: string };

    const ben = await loggedIn(BEN, viewports.phone);
    await ben.page.goto(`${app.baseUrl}/people`);
    await ben.page.getByRole('heading', { level: 1 }).first().waitFor();

    await anna.page.goto(`${app.baseUrl}/posts/${post.id}`);
    // Ben's tab is connected for live updates once Anna sees him online (events before that are not replayed).
    await anna.page.locator('section', { hasText: 'Online now' }).getByText(BEN.name).waitFor({ timeout: 15_000 });
    const annaPost = postCard(anna.page, 'safety rules');
    await annaPost.getByRole('button', { name: 'Confirmed by 0' }).click();
    const list = anna.page.getByRole('dialog', { name: 'Read confirmations' });
    await list.getByRole('button', { name: 'Not yet (2)' }).waitFor();
    await list.getByRole('button', { name: 'Remind the rest' }).click();
    await list.getByText('2 people reminded.').waitFor();
    await list.getByText('Last reminded:').waitFor();

    // Ben, in the directory, sees the reminder and follows it.
    const banner = ben.page.getByRole('status').filter({ hasText: 'Reminder: please confirm you have read' });
    await banner.waitFor({ timeout: 10_000 });
    const text = await banner.textContent();
    expect(text).toContain('“Please read the new safety rules for the warehouse before Monday: helmets, vests…”');
    await ben.page.screenshot({ path: join(screenshotDir, 'feed-reminder-phone.png') });
    await banner.getByRole('link', { name: 'Open the post' }).click();
    await ben.page.waitForURL(`**/posts/${post.id}`);
    await postCard(ben.page, 'safety rules').getByRole('button', { name: 'I have read this' }).click();
    await postCard(ben.page, 'safety rules').getByText('You confirmed you have read this.').waitFor();
    await expect.poll(() => banner.count()).toBe(0);

    // Anna's dialog follows live; Clara has not confirmed, but a second reminder within the hour is refused.
    await list.getByRole('button', { name: 'Confirmed (1)' }).click({ timeout: 10_000 });
    await list.getByRole('link', { name: BEN.name }).waitFor();
    await list.getByRole('button', { name: 'Remind the rest' }).click();
    await list.getByText(/reminded less than an hour ago\. You can remind them again in \d+ minutes?\./).waitFor();
    await anna.page.screenshot({ path: join(screenshotDir, 'feed-remind-desktop.png') });
    expect(anna.problems).toEqual([]);
    expect(ben.problems).toEqual([]);
    await anna.context.close();
    await ben.context.close();
  });

  it('who reacted: 50 at a time with "Show more", per reaction kind too', async () => {
    const anna = await loggedIn(ANNA);
    const post = (await apiAs(app, anna.page, 'POST', '/posts', { audience: { kind: 'profile' }, body: 'Team photo from the summer party' })) as {
      id: string;
    };
    // 55 colleagues react: 51 like, 4 love (each through their own session, in small batches).
    const people = Array.from({ length: 55 }, (_, i) => ({
      name: `Reactor ${String(i + 1).padStart(2, '0')}`,
      email: `reactor${i + 1}@acme.test`,
      password: `reactor-password-${i + 1}`,
    }));
    for (let i = 0; i < people.length; i += 8) {
      await Promise.all(
        people.slice(i, i + 8).map(async (person, j) => {
          await apiAs(app, anna.page, 'POST', '/users', { ...person, role: 'member' });
          const api = await request.newContext({ baseURL: app.baseUrl });
          const session = await api.post('/api/v1/auth/login', { data: { email: person.email, password: person.password } });
          expect(session.ok(), await session.text()).toBe(true);
          const { csrfToken } = (await session.json()) as { csrfToken: string };
          const reacted = await api.put(`/api/v1/posts/${post.id}/reaction`, {
            headers: { 'X-CSRF-Token': csrfToken },
            data: { kind: i + j < 51 ? 'like' : 'love' },
          });
          expect(reacted.ok(), await reacted.text()).toBe(true);
          await api.dispose();
        }),
      );
    }

    await anna.page.goto(`${app.baseUrl}/posts/${post.id}`);
    const card = postCard(anna.page, 'Team photo');
    await card.getByRole('button', { name: /55 reactions/ }).click();
    const dialog = anna.page.getByRole('dialog', { name: 'Reactions' });
    const rows = dialog.locator('.reactor-list__item');
    await expect.poll(() => rows.count()).toBe(50);
    await dialog.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => rows.count()).toBe(55);
    await expect.poll(() => dialog.getByRole('button', { name: 'Show more' }).count()).toBe(0);

    await dialog.getByRole('tab', { name: /Love/ }).click();
    await expect.poll(() => rows.count()).toBe(4);
    await expect.poll(() => dialog.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    await dialog.getByRole('tab', { name: /Like/ }).click();
    await expect.poll(() => rows.count()).toBe(50);
    await dialog.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => rows.count()).toBe(51);
    expect(anna.problems).toEqual([]);
    await anna.context.close();
  });
});
