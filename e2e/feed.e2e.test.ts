/**
 * The news feed: Anna posts to a group with an image and an @mention; Ben sees it live ("New posts"),
 * reacts and comments; Anna sees both and edits (history). A company announcement with read confirmation,
 * a private group's post without Share, the hashtag page, screenshots (phone + desktop) and axe scans.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  completeSetup,
  ensureScreenshotDir,
  launchBrowser,
  login,
  makePng,
  newPage,
  screenshotDir,
  seriousViolations,
  startApp,
  type TestApp,
  viewports,
} from './harness.ts';

let app: TestApp;
let browser: Browser;

const ANNA = { name: 'Anna Admin', email: 'anna@acme.test', password: 'anna-password-1' };
const BEN = { name: 'Ben Berger', email: 'ben@acme.test', password: 'ben-password-1' };
let group: { id: string; slug: string };
let firstPostId = '';

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await ensureScreenshotDir();
  const { context, page } = await newPage(browser);
  await completeSetup(page, app.baseUrl);
  await apiAs(app, page, 'POST', '/users', { ...BEN, role: 'member' });
  group = (await apiAs(app, page, 'POST', '/groups', {
    name: 'Sales North',
    description: 'Vertrieb im Norden.',
    visibility: 'public',
    joinPolicy: 'open',
  })) as { id: string; slug: string };
  await context.close();
  const ben = await newPage(browser);
  await login(ben.page, app.baseUrl, BEN.email, BEN.password);
  await apiAs(app, ben.page, 'POST', `/groups/${group.slug}/members`, {});
  await ben.context.close();
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

/** Ben's page is connected for live updates once Anna sees him under "Online now" (events before that are not replayed). */
async function benIsLive(page: Page) {
  await page.locator('section', { hasText: 'Online now' }).getByText(BEN.name).waitFor({ timeout: 15_000 });
}

const postCard = (page: Page, text: string) => page.getByRole('article').filter({ hasText: text }).first();

describe('feed', () => {
  it('posts live between colleagues: image, mention, pill, reaction, comment, edit history', async () => {
    const anna = await loggedIn(ANNA);
    const ben = await loggedIn(BEN);
    await ben.page.goto(`${app.baseUrl}/groups/${group.slug}`);
    await ben.page.getByText('No posts yet.').waitFor();

    await anna.page.goto(`${app.baseUrl}/groups/${group.slug}`);
    await benIsLive(anna.page);
    await anna.page.getByRole('button', { name: "What's on your mind, Anna?" }).click();
    const dialog = anna.page.getByRole('dialog', { name: 'Create post' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Who sees this post').inputValue()).toBe(group.id);
    await dialog.getByText('Visible to the 2 members of Sales North').waitFor();
    const text = dialog.getByRole('combobox', { name: 'Post text' });
    await text.click();
    await text.pressSequentially('Great quarter, thanks @Be');
    await dialog.getByRole('option', { name: /Ben Berger/ }).click();
    await text.pressSequentially('for the numbers! #quarterly');
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'chart.png', mimeType: 'image/png', buffer: makePng(480, 320) });
    await expect.poll(() => dialog.getByRole('progressbar').count(), { timeout: 15_000 }).toBe(0);
    await dialog.getByRole('button', { name: 'Remove chart.png' }).waitFor();
    await dialog.getByRole('button', { name: 'Post', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const annaPost = postCard(anna.page, 'Great quarter');
    await annaPost.getByRole('link', { name: '@Ben Berger' }).waitFor();
    await annaPost.getByRole('link', { name: '#quarterly' }).waitFor();
    await annaPost.getByRole('img', { name: 'chart.png' }).waitFor();
    firstPostId = (await annaPost.getByRole('link', { name: /now|second|minute/ }).getAttribute('href'))?.split('/').pop() ?? '';
    expect(firstPostId).not.toBe('');

    // Ben: the page is not pushed down; a pill offers the new post.
    const pill = ben.page.getByRole('button', { name: /New post \(1\)/ });
    await pill.waitFor({ timeout: 10_000 });
    await pill.click();
    const benPost = postCard(ben.page, 'Great quarter');
    await benPost.waitFor();
    await benPost.getByRole('button', { name: 'Share' }).waitFor();

    // Love (hover shows the six reactions), then a comment.
    await benPost.getByRole('button', { name: 'Like', exact: true }).hover();
    await benPost.getByRole('toolbar', { name: 'Reactions' }).getByRole('button', { name: 'Love' }).click();
    await expect.poll(() => benPost.getByRole('button', { name: 'Love', exact: true }).getAttribute('aria-pressed')).toBe('true');
    const comment = benPost.getByRole('combobox', { name: 'Write a comment…' });
    await comment.fill('Congratulations, team!');
    await comment.press('Enter');
    await benPost.getByText('Congratulations, team!').waitFor();

    // Anna sees both live.
    await annaPost.getByRole('button', { name: /1 reaction/ }).waitFor({ timeout: 10_000 });
    await annaPost.getByText('Congratulations, team!').waitFor({ timeout: 10_000 });
    await annaPost.getByRole('button', { name: /1 reaction/ }).click();
    const reactors = anna.page.getByRole('dialog', { name: 'Reactions' });
    await reactors.getByRole('tab', { name: /Love/ }).click();
    await reactors.getByRole('link', { name: 'Ben Berger' }).waitFor();
    await reactors.getByRole('button', { name: 'Close' }).click();

    // Edit: "edited" opens the history with the old text.
    await annaPost.getByRole('button', { name: 'Actions for the post by Anna Admin' }).click();
    await anna.page.getByRole('menuitem', { name: 'Edit post' }).click();
    // While editing, the body is a text field: address the editor on the page.
    await anna.page.getByRole('combobox', { name: 'Edit the post' }).fill('Record quarter, thanks @Ben Berger for the numbers! #quarterly');
    await anna.page.getByRole('button', { name: 'Save', exact: true }).click();
    const edited = postCard(anna.page, 'Record quarter');
    await edited.getByRole('link', { name: '@Ben Berger' }).waitFor();
    await edited.getByRole('button', { name: 'edited' }).click();
    const history = anna.page.getByRole('dialog', { name: 'Edit history' });
    await history.getByText('Great quarter, thanks').waitFor();
    await history.getByText('Record quarter').first().waitFor();
    await anna.page.screenshot({ path: join(screenshotDir, 'feed-history-desktop.png') });
    await history.getByRole('button', { name: 'Close' }).click();
    await ben.page.getByText('Record quarter').waitFor({ timeout: 10_000 });
    await ben.page.screenshot({ path: join(screenshotDir, 'feed-group-desktop.png'), fullPage: true });

    expect(anna.problems).toEqual([]);
    expect(ben.problems).toEqual([]);
    await anna.context.close();
    await ben.context.close();
  });

  it('company announcement: Ben confirms, the admin sees the count rise', async () => {
    const anna = await loggedIn(ANNA);
    const ben = await loggedIn(BEN);
    await ben.page.goto(`${app.baseUrl}/`);
    await postCard(ben.page, 'Record quarter').waitFor();
    await anna.page.goto(`${app.baseUrl}/`);
    await benIsLive(anna.page);
    await anna.page.getByRole('button', { name: "What's on your mind, Anna?" }).click();
    const dialog = anna.page.getByRole('dialog', { name: 'Create post' });
    await dialog.getByLabel('Who sees this post').selectOption('company');
    await dialog.getByText('Visible to everyone in the company').waitFor();
    await dialog.getByLabel(/Ask readers to confirm/).check();
    await dialog.getByRole('combobox', { name: 'Post text' }).fill('Please read the new **travel policy**.');
    await dialog.getByRole('button', { name: 'Post', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const annaPost = postCard(anna.page, 'travel policy');
    await annaPost.getByText('Company announcement').waitFor();
    await annaPost.getByRole('button', { name: 'Confirmed by 0' }).waitFor();

    await ben.page.getByRole('button', { name: /New post/ }).click();
    const benPost = postCard(ben.page, 'travel policy');
    await benPost.getByRole('button', { name: 'I have read this' }).click();
    await benPost.getByText('You confirmed you have read this.').waitFor();
    await expect.poll(() => benPost.getByRole('button', { name: /Confirmed by/ }).count()).toBe(0);

    await annaPost.getByRole('button', { name: 'Confirmed by 1' }).waitFor({ timeout: 10_000 });
    await annaPost.getByRole('button', { name: 'Confirmed by 1' }).click();
    const list = anna.page.getByRole('dialog', { name: 'Read confirmations' });
    await list.getByRole('link', { name: 'Ben Berger' }).waitFor();
    await anna.page.screenshot({ path: join(screenshotDir, 'feed-confirmations-desktop.png') });
    await list.getByRole('button', { name: 'Close' }).click();
    await anna.page.screenshot({ path: join(screenshotDir, 'feed-home-desktop.png'), fullPage: true });
    expect(await seriousViolations(anna.page)).toEqual([]);
    await anna.context.close();
    await ben.context.close();
  });

  it('a private group post has no Share; the hashtag page lists the post; phone views and axe', async () => {
    const anna = await loggedIn(ANNA);
    const secretish = (await apiAs(app, anna.page, 'POST', '/groups', { name: 'Board', visibility: 'private', joinPolicy: 'invite' })) as { id: string };
    const post = (await apiAs(app, anna.page, 'POST', '/posts', { audience: { kind: 'group', groupId: secretish.id }, body: 'Board minutes are up.' })) as {
      id: string;
    };
    await anna.page.goto(`${app.baseUrl}/posts/${post.id}`);
    const card = postCard(anna.page, 'Board minutes');
    await card.waitFor();
    await card.getByRole('button', { name: 'Like', exact: true }).waitFor();
    await expect.poll(() => card.getByRole('button', { name: 'Share' }).count()).toBe(0);
    await anna.page.goto(`${app.baseUrl}/posts/${firstPostId}`);
    await postCard(anna.page, 'Record quarter').getByRole('button', { name: 'Share' }).waitFor();
    expect(await seriousViolations(anna.page)).toEqual([]);
    const me = (await apiAs(app, anna.page, 'GET', '/me')) as { user: { id: string } };
    await apiAs(app, anna.page, 'POST', '/posts', { audience: { kind: 'profile' }, body: 'Hello from my profile.' });
    await anna.context.close();

    const ben = await loggedIn(BEN, viewports.phone);
    await ben.page.goto(`${app.baseUrl}/hashtags/quarterly`);
    await ben.page.getByRole('heading', { level: 1, name: '#quarterly' }).waitFor();
    await postCard(ben.page, 'Record quarter').waitFor();
    await ben.page.getByRole('button', { name: 'Follow hashtag' }).click();
    await expect.poll(() => ben.page.getByRole('button', { name: 'Following' }).getAttribute('aria-pressed')).toBe('true');
    await ben.page.screenshot({ path: join(screenshotDir, 'feed-hashtag-phone.png'), fullPage: true });
    await ben.page.goto(`${app.baseUrl}/`);
    await postCard(ben.page, 'travel policy').waitFor();
    await ben.page.screenshot({ path: join(screenshotDir, 'feed-home-phone.png'), fullPage: true });
    await ben.page.getByRole('button', { name: "What's on your mind, Ben?" }).click();
    await ben.page.getByRole('dialog', { name: 'Create post' }).getByText('Visible to all employees').waitFor();
    await ben.page.screenshot({ path: join(screenshotDir, 'feed-composer-phone.png') });
    await ben.page.keyboard.press('Escape');
    // A profile: the timeline under it, and Follow.
    await ben.page.goto(`${app.baseUrl}/people/${me.user.id}`);
    await postCard(ben.page, 'Hello from my profile').waitFor();
    await ben.page.getByRole('button', { name: 'Follow', exact: true }).click();
    await ben.page.getByRole('button', { name: /^Following/ }).waitFor();
    // Save a post; the saved page lists it.
    await ben.page.goto(`${app.baseUrl}/posts/${firstPostId}`);
    const saved = postCard(ben.page, 'Record quarter');
    await saved.getByRole('button', { name: 'Actions for the post by Anna Admin' }).click();
    await ben.page.getByRole('menuitem', { name: 'Save post' }).click();
    // Phones: Saved is in the account menu.
    await ben.page
      .getByRole('button', { name: /Account menu|Ben Berger/ })
      .first()
      .click();
    await ben.page.getByRole('link', { name: 'Saved' }).click();
    await ben.page.getByRole('heading', { level: 1, name: 'Saved posts' }).waitFor();
    await postCard(ben.page, 'Record quarter').waitFor();
    await ben.page.goto(`${app.baseUrl}/posts/${firstPostId}`);
    await postCard(ben.page, 'Record quarter').getByText('Congratulations, team!').waitFor();
    await ben.page.screenshot({ path: join(screenshotDir, 'feed-post-phone.png'), fullPage: true });
    expect(await seriousViolations(ben.page)).toEqual([]);
    expect(ben.problems).toEqual([]);
    await ben.context.close();
  });
});
