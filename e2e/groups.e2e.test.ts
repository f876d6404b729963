/**
 * Groups: a private group joined on request, a secret group that does not exist for outsiders, an external
 * guest invited by e-mail, group invitations on home; axe scans and screenshots of the group pages.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completeSetup,
  ensureScreenshotDir,
  launchBrowser,
  login,
  makePng,
  newPage,
  screenshotDir,
  startApp,
  type TestApp,
  viewports,
  apiAs,
  seriousViolations,
} from './harness.ts';

let app: TestApp;
let browser: Browser;

const ADMIN = { company: 'Acme Logistik GmbH', name: 'Anna Admin', email: 'anna@acme.test', password: 'anna-password-1' };
const OLGA = { name: 'Olga Owner', email: 'olga@acme.test', password: 'olga-password-1' };
const CHRIS = { name: 'Chris Colleague', email: 'chris@acme.test', password: 'chris-password-1' };
const GUEST = { name: 'Gustav Gast', email: 'gustav@partner.test', password: 'gustav-password-1' };
const GROUP = 'Project Falcon';
let groupSlug = '';

async function settle(page: Page, heading: RegExp | string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .locator('.spinner')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.evaluate(async () => {
    const pending = [...document.images].filter((img) => !img.complete && img.getBoundingClientRect().width > 0);
    await Promise.race([Promise.all(pending.map((img) => img.decode().catch(() => null))), new Promise((r) => setTimeout(r, 3000))]);
  });
  await page.waitForTimeout(150);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' }).first();

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await ensureScreenshotDir();
  const { context, page } = await newPage(browser);
  await completeSetup(page, app.baseUrl, ADMIN);
  for (const person of [OLGA, CHRIS]) {
    const user = (await apiAs(app, page, 'POST', '/users', { ...person, role: 'member' })) as { id: string };
    await apiAs(app, page, 'PATCH', `/users/${user.id}`, { jobTitle: person === OLGA ? 'Project lead' : 'Dispatcher', department: 'Operations' });
  }
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('groups', () => {
  it('private group on request → ask → approve → the colleague reads along', async () => {
    // Olga creates a private group that people join on request.
    const olga = await newPage(browser);
    await login(olga.page, app.baseUrl, OLGA.email, OLGA.password);
    await nav(olga.page).getByRole('link', { name: 'Groups' }).click();
    await olga.page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
    await olga.page.getByRole('link', { name: 'Create group' }).click();
    await olga.page.getByRole('heading', { level: 1, name: 'Create group' }).waitFor();
    await olga.page.getByLabel('Name').fill(GROUP);
    await olga.page.getByLabel('Description').fill('Planning the new Hamburg hub: routes, docks and the opening day.');
    await olga.page.getByRole('radio', { name: /^Private/ }).check();
    await olga.page.getByRole('radio', { name: /^On request/ }).check();
    await olga.page.getByLabel('Welcome text').fill('Welcome to Falcon! Please introduce yourself in the first post.');
    await olga.page.getByRole('button', { name: 'Create group' }).click();
    await olga.page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    groupSlug = new URL(olga.page.url()).pathname.split('/')[2] ?? '';
    expect(groupSlug).toBe('project-falcon');
    await olga.page.getByText('Private', { exact: true }).first().waitFor();
    await olga.page.getByText('Welcome to Falcon!').waitFor();

    // Chris finds it in the directory and asks to join.
    const chris = await newPage(browser);
    await login(chris.page, app.baseUrl, CHRIS.email, CHRIS.password);
    await nav(chris.page).getByRole('link', { name: 'Groups' }).click();
    await chris.page.getByRole('link', { name: 'All groups' }).click();
    await chris.page.getByLabel('Search groups').fill('falc');
    await chris.page.waitForURL(/q=falc/);
    await chris.page.getByRole('link', { name: GROUP }).click();
    await chris.page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    await chris.page.getByRole('heading', { name: 'This group is private' }).waitFor();
    expect(await chris.page.getByText('Welcome to Falcon!').count()).toBe(0);
    await chris.page.getByRole('button', { name: 'Ask to join' }).click();
    const dialog = chris.page.getByRole('dialog', { name: `Ask to join ${GROUP}` });
    await dialog.getByLabel('Message to the moderators').fill('I run the dispatch for the new hub.');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await chris.page.getByText('Your request is waiting for approval.').waitFor();

    // Olga approves in the Members tab.
    await olga.page.getByRole('link', { name: 'Members' }).click();
    await olga.page.getByRole('heading', { name: '1 request to join' }).waitFor();
    await olga.page.getByText('I run the dispatch for the new hub.').waitFor();
    await olga.page.getByRole('button', { name: new RegExp(`^Approve\\W+${CHRIS.name}$`) }).click();
    await olga.page.getByRole('heading', { name: '1 request to join' }).waitFor({ state: 'detached' });
    await olga.page.getByRole('main').getByRole('link', { name: CHRIS.name }).waitFor();

    // Chris now sees the discussion, with the welcome text.
    await chris.page.reload();
    await chris.page.getByText('Welcome to Falcon!').waitFor();
    await chris.page.getByText('No posts yet.').waitFor();
    await chris.page.getByRole('button', { name: 'Leave group' }).waitFor();

    expect([...olga.problems, ...chris.problems]).toEqual([]);
    await olga.context.close();
    await chris.context.close();
  });

  it('a secret group is a page that does not exist for outsiders; invitations show on home', async () => {
    const olga = await newPage(browser);
    await login(olga.page, app.baseUrl, OLGA.email, OLGA.password);
    const secret = (await apiAs(app, olga.page, 'POST', '/groups', { name: 'Skunkworks', visibility: 'secret', joinPolicy: 'invite' })) as { slug: string };
    const lunch = (await apiAs(app, olga.page, 'POST', '/groups', { name: 'Lunch Club', visibility: 'public', joinPolicy: 'invite' })) as { id: string };
    const people = (await (await olga.page.request.get(`${app.baseUrl}/api/v1/users?q=Chris`)).json()) as { items: { id: string }[] };
    const chrisId = people.items[0]?.id as string;
    await apiAs(app, olga.page, 'POST', `/groups/${lunch.id}/invitations`, { userIds: [chrisId] });

    const chris = await newPage(browser);
    await login(chris.page, app.baseUrl, CHRIS.email, CHRIS.password);
    const texts: string[] = [];
    for (const path of [`/groups/${secret.slug}`, '/groups/no-such-group-at-all']) {
      await chris.page.goto(`${app.baseUrl}${path}`);
      await chris.page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      texts.push((await chris.page.locator('#root').textContent()) ?? '');
    }
    expect(texts[0]).toBe(texts[1]);
    await chris.page.goto(`${app.baseUrl}/groups?filter=all`);
    await chris.page.getByRole('link', { name: GROUP }).waitFor();
    expect(await chris.page.getByRole('link', { name: 'Skunkworks' }).count()).toBe(0);

    // The invitation to the Lunch Club waits on home.
    await chris.page.goto(`${app.baseUrl}/`);
    const card = chris.page.getByRole('region', { name: 'Group invitations' });
    await card.getByRole('link', { name: 'Lunch Club' }).waitFor();
    await card.getByText(`Invited by ${OLGA.name}`).waitFor();
    await card.getByRole('button', { name: /^Accept\W+Lunch Club$/ }).click();
    await card.waitFor({ state: 'detached' });
    await chris.page.goto(`${app.baseUrl}/groups`);
    await chris.page.getByRole('link', { name: 'Lunch Club' }).waitFor();

    expect([...olga.problems, ...chris.problems]).toEqual([]);
    await olga.context.close();
    await chris.context.close();
  });

  it('the admin allows guests → the owner invites a guest → the guest sees only the group', async () => {
    // The admin allows guests.
    const anna = await newPage(browser);
    await login(anna.page, app.baseUrl, ADMIN.email, ADMIN.password);
    await anna.page.goto(`${app.baseUrl}/admin/company`);
    await anna.page.getByLabel('Allow guests in groups').check();
    await anna.page.getByRole('button', { name: 'Save' }).click();
    await anna.page.getByText('Company settings saved.').waitFor();

    // Olga invites a guest from the Members tab, and gives the group a cover.
    const olga = await newPage(browser);
    await login(olga.page, app.baseUrl, OLGA.email, OLGA.password);
    await olga.page.goto(`${app.baseUrl}/groups/${groupSlug}/members`);
    await olga.page.getByRole('heading', { name: 'Invite a guest' }).waitFor();
    await olga.page.getByLabel('E-mail of the guest').fill(GUEST.email);
    await olga.page.getByLabel('Language of the e-mail').selectOption('en');
    await olga.page.getByRole('button', { name: 'Invite guest' }).click();
    await olga.page.getByText(`Invitation sent to ${GUEST.email}.`).waitFor();
    await olga.page.getByRole('link', { name: 'Settings' }).last().click();
    await olga.page.getByLabel('Upload cover image').setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: makePng(1200, 300, [60, 130, 110]) });
    await olga.page.getByRole('button', { name: 'Remove cover image' }).waitFor();

    // The guest opens the link from the mail, sets name and password.
    const mail = await app.waitForMail((m) => m.to.includes(GUEST.email));
    const link = mail.text.match(/https?:\/\/\S+\/invite\/[^\s>"')]+/)?.[0];
    expect(link, `invitation link in mail:\n${mail.text}`).toBeTruthy();
    const guest = await newPage(browser);
    await guest.page.goto(link as string);
    await guest.page.getByText(`You are invited as a guest to the group “${GROUP}”`).waitFor();
    await guest.page.getByLabel('Your name').fill(GUEST.name);
    await guest.page.getByLabel('Choose a password').fill(GUEST.password);
    await guest.page.getByRole('button', { name: 'Join' }).click();

    // Home lists just their group; there is no People, no Org chart, no people search.
    await guest.page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    const mine = guest.page.getByRole('region', { name: 'Your groups' });
    await mine.getByRole('link', { name: GROUP }).waitFor();
    expect(await mine.getByRole('link').count()).toBe(1);
    expect(await nav(guest.page).getByRole('link', { name: 'People' }).count()).toBe(0);
    expect(await nav(guest.page).getByRole('link', { name: 'Org chart' }).count()).toBe(0);
    expect(await guest.page.getByRole('combobox', { name: 'Search people' }).count()).toBe(0);
    await guest.page.screenshot({ path: join(screenshotDir, 'group-guest-home-desktop-light.png'), fullPage: true });
    await nav(guest.page).getByRole('link', { name: 'Groups' }).click();
    await guest.page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
    await guest.page.getByRole('link', { name: GROUP }).waitFor();
    expect(await guest.page.locator('.group-card').count()).toBe(1);
    await guest.page.getByRole('link', { name: GROUP }).click();
    await guest.page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    await guest.page.getByText('This group includes external guests.').waitFor();
    await guest.page.getByText('Welcome to Falcon!').waitFor();
    await guest.page.waitForLoadState('networkidle');
    await guest.page.screenshot({ path: join(screenshotDir, 'group-guest-desktop-light.png'), fullPage: true });
    await guest.page.setViewportSize(viewports.phone);
    await guest.page.getByRole('link', { name: 'Members' }).click();
    await guest.page.getByRole('main').getByRole('link', { name: OLGA.name }).waitFor();
    await guest.page.screenshot({ path: join(screenshotDir, 'group-guest-members-phone-light.png'), fullPage: true });

    // Colleagues see the guest marked in the member list.
    const chris = await newPage(browser);
    await login(chris.page, app.baseUrl, CHRIS.email, CHRIS.password);
    await chris.page.goto(`${app.baseUrl}/groups/${groupSlug}/members`);
    await chris.page.getByText('This group includes external guests.').waitFor();
    const row = chris.page.getByRole('listitem').filter({ has: chris.page.getByRole('link', { name: GUEST.name }) });
    await row.getByText('Guest', { exact: true }).waitFor();

    expect([...anna.problems, ...olga.problems, ...guest.problems, ...chris.problems]).toEqual([]);
    for (const p of [anna, olga, guest, chris]) await p.context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [size, viewport] of Object.entries(viewports)) {
      it(`group pages pass axe and are captured (${colorScheme}, ${size})`, async () => {
        const { context, page, problems } = await newPage(browser, { colorScheme, viewport });
        await login(page, app.baseUrl, OLGA.email, OLGA.password);
        const pages = [
          ['groups', '/groups?filter=all', 'Groups'],
          ['group-new', '/groups/new', 'Create group'],
          ['group-discussion', `/groups/${groupSlug}`, GROUP],
          ['group-members', `/groups/${groupSlug}/members`, GROUP],
          ['group-about', `/groups/${groupSlug}/about`, GROUP],
          ['group-settings', `/groups/${groupSlug}/settings`, GROUP],
        ] as const;
        for (const [name, path, heading] of pages) {
          await page.goto(`${app.baseUrl}${path}`);
          await settle(page, heading);
          if (size === 'desktop') expect(await seriousViolations(page), `${name} (${colorScheme})`).toEqual([]);
          await page.screenshot({ path: join(screenshotDir, `${name}-${size}-${colorScheme}.png`), fullPage: true });
        }
        if (size === 'desktop') {
          // The delete dialog and the ask-to-join dialog.
          await page.getByRole('button', { name: 'Delete group' }).click();
          await page.getByRole('dialog', { name: `Delete ${GROUP}?` }).waitFor();
          expect(await seriousViolations(page), `delete dialog (${colorScheme})`).toEqual([]);
          await page.screenshot({ path: join(screenshotDir, `group-delete-${size}-${colorScheme}.png`) });
          await page.keyboard.press('Escape');
          await page.getByRole('dialog').waitFor({ state: 'hidden' });
        }
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }

  it('captures the group pages in German', async () => {
    for (const [size, viewport] of Object.entries(viewports)) {
      const { context, page, problems } = await newPage(browser, { viewport, locale: 'de-DE' });
      await login(page, app.baseUrl, OLGA.email, OLGA.password);
      for (const [name, path, heading] of [
        ['groups', '/groups?filter=all', 'Gruppen'],
        ['group-new', '/groups/new', 'Gruppe erstellen'],
        ['group-discussion', `/groups/${groupSlug}`, GROUP],
        ['group-members', `/groups/${groupSlug}/members`, GROUP],
        ['group-about', `/groups/${groupSlug}/about`, GROUP],
        ['group-settings', `/groups/${groupSlug}/settings`, GROUP],
      ] as const) {
        await page.goto(`${app.baseUrl}${path}`);
        await settle(page, heading);
        await page.screenshot({ path: join(screenshotDir, `${name}-${size}-de.png`), fullPage: true });
      }
      await page.getByText('In dieser Gruppe sind externe Gäste.').waitFor();
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('deleting asks for the exact group name', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, app.baseUrl, OLGA.email, OLGA.password);
    await page.goto(`${app.baseUrl}/groups/lunch-club/settings`);
    await page.getByRole('heading', { level: 1, name: 'Lunch Club' }).waitFor();
    await page.getByRole('button', { name: 'Delete group' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Lunch Club?' });
    const confirm = dialog.getByRole('button', { name: 'Delete for good' });
    await dialog.getByLabel(/Type the group name/).fill('Lunch');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/Type the group name/).fill('Lunch Club');
    await confirm.click();
    await page.waitForURL(`${app.baseUrl}/groups`);
    await page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
    await page.getByRole('link', { name: GROUP }).waitFor();
    expect(await page.getByRole('link', { name: 'Lunch Club' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
