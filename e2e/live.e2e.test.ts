/**
 * Live updates: the owner changes a group in one browser, a member who has the group open in another sees
 * the change without reloading (Socket.IO gateway → query invalidation). Also: "New colleagues" on home and
 * per-member controls from the server's abilities.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { completeSetup, ensureScreenshotDir, launchBrowser, login, newPage, screenshotDir, startApp, type TestApp, viewports, apiAs } from './harness.ts';

let app: TestApp;
let browser: Browser;

const ADMIN = { company: 'Acme Logistik GmbH', name: 'Anna Admin', email: 'anna@acme.test', password: 'anna-password-1' };
const OLGA = { name: 'Olga Owner', email: 'olga@acme.test', password: 'olga-password-1' };
const CHRIS = { name: 'Chris Colleague', email: 'chris@acme.test', password: 'chris-password-1' };
const GROUP = 'Live Lounge';
let groupSlug = '';

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await ensureScreenshotDir();
  const { context, page } = await newPage(browser);
  await completeSetup(page, app.baseUrl, ADMIN);
  for (const person of [OLGA, CHRIS]) await apiAs(app, page, 'POST', '/users', { ...person, role: 'member' });
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('live updates', () => {
  it('a member sees the new description without reloading', async () => {
    const olga = await newPage(browser);
    await login(olga.page, app.baseUrl, OLGA.email, OLGA.password);
    const group = (await apiAs(app, olga.page, 'POST', '/groups', {
      name: GROUP,
      description: 'Coffee corner talk.',
      visibility: 'public',
      joinPolicy: 'open',
    })) as { slug: string };
    groupSlug = group.slug;

    const chris = await newPage(browser);
    await login(chris.page, app.baseUrl, CHRIS.email, CHRIS.password);
    await apiAs(app, chris.page, 'POST', `/groups/${groupSlug}/members`, {});
    await chris.page.goto(`${app.baseUrl}/groups/${groupSlug}/about`);
    await chris.page.getByText('Coffee corner talk.').waitFor();
    // Mark the document: if it were reloaded, the mark would be gone.
    await chris.page.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
    });
    // Give the tab a moment to open its live connection.
    await chris.page.waitForTimeout(1000);

    // Olga edits the description in her settings tab.
    await olga.page.goto(`${app.baseUrl}/groups/${groupSlug}/settings`);
    await olga.page.getByLabel('Description').fill('Coffee corner talk, now with cake on Fridays.');
    await olga.page.getByRole('button', { name: 'Save' }).click();
    await olga.page.getByText('Group saved.').waitFor();

    await chris.page.getByText('Coffee corner talk, now with cake on Fridays.').waitFor({ timeout: 5000 });
    expect(await chris.page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    expect([...olga.problems, ...chris.problems]).toEqual([]);
    await olga.context.close();
    await chris.context.close();
  });

  it('home shows the newest colleagues with when they joined', async () => {
    const chris = await newPage(browser);
    await login(chris.page, app.baseUrl, CHRIS.email, CHRIS.password);
    await chris.page.goto(`${app.baseUrl}/`);
    const card = chris.page.getByRole('complementary').getByRole('region', { name: 'New colleagues' });
    await card.waitFor();
    // The card renders before its list has loaded: wait for the rows.
    await card.locator('.person-row__name').nth(1).waitFor();
    const names = await card.locator('.person-row__name').allTextContents();
    // Newest first; the reader is left out.
    expect(names).toEqual([OLGA.name, ADMIN.name]);
    await card
      .getByText(/Joined/)
      .first()
      .waitFor();
    await chris.context.close();
  });

  it('a profile shows whether the person is online, and when they were last active once they leave', async () => {
    const chris = await newPage(browser);
    await login(chris.page, app.baseUrl, CHRIS.email, CHRIS.password);
    const olga = await newPage(browser);
    await login(olga.page, app.baseUrl, OLGA.email, OLGA.password);
    const olgaId = ((await apiAs(app, olga.page, 'GET', '/me')) as { user: { id: string } }).user.id;
    await chris.page.goto(`${app.baseUrl}/people/${olgaId}`);
    await chris.page.getByText('Active now').waitFor();
    // Olga closes her last tab: Chris's open profile page changes by itself.
    await olga.context.close();
    await chris.page.getByText(/Active (a moment|.+) ago/).waitFor({ timeout: 15_000 });
    await chris.context.close();
  });

  it('member controls follow the per-member abilities', async () => {
    const chris = await newPage(browser);
    await login(chris.page, app.baseUrl, CHRIS.email, CHRIS.password);
    await chris.page.goto(`${app.baseUrl}/groups/${groupSlug}/members`);
    await chris.page.getByRole('main').getByRole('link', { name: OLGA.name }).waitFor();
    expect(await chris.page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    await chris.context.close();

    const olga = await newPage(browser);
    await login(olga.page, app.baseUrl, OLGA.email, OLGA.password);
    await olga.page.goto(`${app.baseUrl}/groups/${groupSlug}/members`);
    await olga.page.getByRole('button', { name: new RegExp(`^Remove\\W+${CHRIS.name}$`) }).waitFor();
    await olga.page.getByLabel(new RegExp(CHRIS.name)).first().waitFor();
    expect(await olga.page.getByRole('button', { name: new RegExp(`^Remove\\W+${OLGA.name}$`) }).count()).toBe(0);
    await olga.context.close();
  });

  for (const [lang, locale] of [
    ['en', 'en-US'],
    ['de', 'de-DE'],
  ] as const) {
    it(`phone (${lang}): the group tabs and the bottom tab bar fit on 390 px`, async () => {
      const { context, page, problems } = await newPage(browser, { viewport: viewports.phone, locale });
      await login(page, app.baseUrl, ADMIN.email, ADMIN.password);
      // The saved preference wins over the browser's language: save the one under test.
      const me = (await apiAs(app, page, 'GET', '/me')) as { user: { id: string } };
      await apiAs(app, page, 'PATCH', `/users/${me.user.id}`, { locale: lang });

      // The admin has the most navigation items: the bottom bar still has at most five, none cut off.
      await page.goto(`${app.baseUrl}/`);
      const bottom = page.locator('nav.bottom-tabs');
      await bottom.waitFor();
      const labels = bottom.locator('.bottom-tabs__label');
      expect(await labels.count()).toBeLessThanOrEqual(5);
      const cut = await labels.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent));
      expect(cut).toEqual([]);
      await page.screenshot({ path: join(screenshotDir, `live-home-phone-${lang}.png`) });

      // All four group tabs are inside the screen, none scrolled out of sight.
      await page.goto(`${app.baseUrl}/groups/${groupSlug}/about`);
      const tabs = page.locator('.group-header .tabs__link');
      await tabs.nth(3).waitFor();
      const outside = await tabs.evaluateAll((els) =>
        els.filter((el) => el.getBoundingClientRect().right > window.innerWidth || el.getBoundingClientRect().left < 0).map((el) => el.textContent),
      );
      expect(outside).toEqual([]);
      await page.screenshot({ path: join(screenshotDir, `live-group-about-phone-${lang}.png`) });

      // A field error is translated by its keyword (an empty name: minLength 1 → "required").
      await tabs.nth(3).click();
      await page.getByLabel('Name', { exact: true }).fill('   ');
      await page.getByRole('button', { name: lang === 'de' ? 'Speichern' : 'Save' }).click();
      await page.getByText(lang === 'de' ? 'Bitte füll dieses Feld aus.' : 'Please fill in this field.').waitFor();
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
