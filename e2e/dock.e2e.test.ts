/**
 * Chat dock: the right column's "Online now", docked chat windows bottom-right (live messages, typing,
 * "Seen", minimise/restore/close, at most three, kept over a reload), the top-bar unread badge, phones
 * opening the full-screen conversation instead, browser notifications while the tab is hidden, a group's
 * chat room started from the group page, and the admin's attachment size limit.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { apiAs, login, newPage, screenshotDir, seriousViolations, setupCompany, viewports } from './harness.ts';

const ADMIN = { company: 'Acme Logistik GmbH', name: 'Ada Admin', email: 'ada@acme.test', password: 'ada-password-1' };
const ANNA = { name: 'Anna Andres', email: 'anna@acme.test', password: 'anna-password-1' };
const BEN = { name: 'Ben Berger', email: 'ben@acme.test', password: 'ben-password-1' };
const CARL = { name: 'Carl Claus', email: 'carl@acme.test', password: 'carl-password-1' };
const DORA = { name: 'Dora Dietz', email: 'dora@acme.test', password: 'dora-password-1' };
const EMIL = { name: 'Emil Engel', email: 'emil@acme.test', password: 'emil-password-1' };

const desktop = { width: 1366, height: 900 };

const company = setupCompany({ admin: ADMIN, colleagues: [ANNA, BEN, CARL, DORA, EMIL], viewport: desktop });
const { ids, loggedIn } = company;

/** The top bar's chat link ("Chat" plus the unread count for screen readers). */
const topBarChat = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Chat/ });

describe('chat dock', () => {
  it('online colleagues → docked chat: live message, typing, seen, unread badge, minimise/restore/close', async () => {
    const ben = await loggedIn(BEN);
    await ben.page.goto(`${company.app.baseUrl}/`);
    await ben.page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

    const anna = await loggedIn(ANNA);
    await anna.page.goto(`${company.app.baseUrl}/`);
    const online = anna.page.getByRole('complementary').getByRole('region', { name: 'Online now' });
    const benButton = online.getByRole('button', { name: new RegExp(BEN.name) });
    await benButton.waitFor({ timeout: 10_000 });
    expect(await online.getByRole('button').count()).toBe(1);
    // Ben appears in Anna's list, and Anna (who came later) in Ben's, live.
    await ben.page
      .getByRole('complementary')
      .getByRole('region', { name: 'Online now' })
      .getByRole('button', { name: new RegExp(ANNA.name) })
      .waitFor();

    // Anna opens the chat from the list: a docked window with the message box focused.
    await benButton.click();
    const annaWindow = anna.page.getByRole('region', { name: `Chat with ${BEN.name}` });
    await annaWindow.waitFor();
    expect(anna.page.url()).toBe(`${company.app.baseUrl}/`);
    const annaBox = annaWindow.getByRole('textbox', { name: 'Message' });
    await annaBox.waitFor();
    await expect.poll(() => annaBox.evaluate((el) => el === document.activeElement)).toBe(true);
    await annaBox.fill('Hallo Ben, hast du kurz Zeit?');
    await annaBox.press('Enter');
    await annaWindow.getByText('Hallo Ben, hast du kurz Zeit?').waitFor();

    // Ben: the window pops up minimised with the unread count; the top-bar badge and the title count it.
    const benBar = ben.page.getByRole('button', { name: `Open chat with ${ANNA.name}, 1 unread message` });
    await benBar.waitFor({ timeout: 10_000 });
    await topBarChat(ben.page).locator('.nav-badge', { hasText: '1' }).waitFor();
    await expect.poll(() => ben.page.title()).toMatch(/^\(1\) /);

    // Ben opens it: reads (Anna sees "Seen", Ben's badge clears), types (Anna sees it), replies.
    await benBar.click();
    const benWindow = ben.page.getByRole('region', { name: `Chat with ${ANNA.name}` });
    await benWindow.getByText('Hallo Ben, hast du kurz Zeit?').waitFor();
    await annaWindow.getByText('Seen').waitFor({ timeout: 10_000 });
    await expect.poll(() => topBarChat(ben.page).locator('.nav-badge').count()).toBe(0);
    await expect.poll(() => ben.page.title()).not.toMatch(/^\(\d+\) /);
    const benBox = benWindow.getByRole('textbox', { name: 'Message' });
    await benBox.pressSequentially('Klar, worum', { delay: 50 });
    await annaWindow.getByText('Ben is typing…').waitFor({ timeout: 10_000 });
    await benBox.pressSequentially(' geht es?');
    await benBox.press('Enter');
    await annaWindow.getByText('Klar, worum geht es?').waitFor({ timeout: 10_000 });

    expect(await seriousViolations(anna.page)).toEqual([]);
    await anna.page.screenshot({ path: join(screenshotDir, 'dock-desktop.png') });

    // Escape minimises Anna's window to a bar (focus stays on the bar); a message from Ben counts there and
    // in the top bar until she opens it again.
    await annaBox.press('Escape');
    const annaBar = anna.page.getByRole('button', { name: new RegExp(`^Open chat with ${BEN.name}`) });
    await annaBar.waitFor();
    await expect.poll(() => annaBar.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await annaWindow.count()).toBe(0);
    await benBox.fill('Noch da?');
    await benBox.press('Enter');
    await anna.page.getByRole('button', { name: `Open chat with ${BEN.name}, 1 unread message` }).waitFor({ timeout: 10_000 });
    await topBarChat(anna.page).locator('.nav-badge', { hasText: '1' }).waitFor();
    await anna.page.screenshot({ path: join(screenshotDir, 'dock-desktop-minimised.png') });
    await annaBar.click();
    await annaWindow.getByText('Noch da?').waitFor();
    await expect.poll(() => topBarChat(anna.page).locator('.nav-badge').count()).toBe(0);

    // "Open in full view" goes to the chat page (the dock steps aside there); close removes the window.
    await annaWindow.getByRole('link', { name: 'Open in full view' }).click();
    await anna.page.waitForURL(/\/chat\/[^/]+$/);
    await anna.page.getByRole('log').getByText('Noch da?').waitFor();
    expect(await anna.page.locator('.chat-dock').count()).toBe(0);
    await anna.page.goto(`${company.app.baseUrl}/`);
    await annaWindow.waitFor();
    await annaWindow.getByRole('button', { name: `Close chat with ${BEN.name}` }).click();
    expect(await anna.page.locator('.dock-window').count()).toBe(0);

    expect([...anna.problems, ...ben.problems]).toEqual([]);
    await anna.context.close();
    await ben.context.close();
  });

  it('at most three windows side by side (the fourth replaces the oldest), kept over a reload', async () => {
    const anna = await loggedIn(ANNA);
    const openFromProfile = async (person: { email: string; name: string }) => {
      await anna.page.goto(`${company.app.baseUrl}/people/${ids[person.email]}`);
      await anna.page.getByRole('main').getByRole('button', { name: 'Message' }).click();
      await anna.page.getByRole('region', { name: `Chat with ${person.name}` }).waitFor();
      // The profile stays: the chat opens beside it.
      expect(anna.page.url()).toContain(`/people/${ids[person.email]}`);
    };
    for (const person of [BEN, CARL, DORA]) await openFromProfile(person);
    expect(await anna.page.locator('.dock-window').count()).toBe(3);
    await openFromProfile(EMIL);
    expect(await anna.page.locator('.dock-window').count()).toBe(3);
    expect(await anna.page.getByRole('region', { name: `Chat with ${BEN.name}` }).count()).toBe(0);

    // Minimise one, reload: the same three windows, the minimised one still a bar.
    await anna.page.getByRole('button', { name: `Minimise chat with ${CARL.name}` }).click();
    await anna.page.getByRole('button', { name: new RegExp(`^Open chat with ${CARL.name}`) }).waitFor();
    await anna.page.reload();
    await anna.page.getByRole('region', { name: `Chat with ${DORA.name}` }).waitFor();
    await anna.page.getByRole('region', { name: `Chat with ${EMIL.name}` }).waitFor();
    await anna.page.getByRole('button', { name: new RegExp(`^Open chat with ${CARL.name}`) }).waitFor();
    expect(await anna.page.locator('.dock-window').count()).toBe(3);
    expect(anna.problems).toEqual([]);
    await anna.context.close();
  });

  it('phone: Message opens the full-screen conversation, no dock', async () => {
    const { context, page, problems } = await loggedIn(ANNA, { viewport: viewports.phone });
    await page.goto(`${company.app.baseUrl}/people/${ids[BEN.email]}`);
    await page.getByRole('main').getByRole('button', { name: 'Message' }).click();
    await page.waitForURL(/\/chat\/[^/]+$/);
    await page.getByRole('log').getByText('Noch da?').waitFor();
    expect(await page.locator('.chat-dock').count()).toBe(0);
    await page.screenshot({ path: join(screenshotDir, 'dock-phone-conversation.png') });
    // The home page of a phone has no right column and no dock.
    await page.goto(`${company.app.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(await page.locator('.chat-dock').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a message while the tab is hidden shows one browser notification; the setting switches them off', async () => {
    const anna = await newPage(company.browser, { viewport: desktop });
    await anna.context.grantPermissions(['notifications'], { origin: company.app.baseUrl });
    // A hidden tab and a recording stand-in for the Notification API.
    await anna.context.addInitScript(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      const calls: { title: string; body: string; tag: string }[] = [];
      (window as unknown as { __notes: typeof calls }).__notes = calls;
      class FakeNotification {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        onclick: (() => void) | null = null;
        constructor(title: string, options: { body?: string; tag?: string } = {}) {
          calls.push({ title, body: options.body ?? '', tag: options.tag ?? '' });
        }
        close() {}
      }
      Object.defineProperty(window, 'Notification', { configurable: true, writable: true, value: FakeNotification });
    });
    await login(anna.page, company.app.baseUrl, ANNA.email, ANNA.password);
    await anna.page.goto(`${company.app.baseUrl}/`);
    await anna.page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    // Give the tab a moment to open its live connection.
    await anna.page.waitForTimeout(1500);

    const ben = await loggedIn(BEN);
    const conversation = (await apiAs(company.app, ben.page, 'POST', '/conversations', { userIds: [ids[ANNA.email]] })) as { id: string };
    const send = (body: string) =>
      apiAs(company.app, ben.page, 'POST', `/conversations/${conversation.id}/messages`, {
        clientId: `c${Date.now()}x${Math.random().toString(36).slice(2)}`,
        body,
      });
    await send('Bist du heute im Büro?');
    const notes = () => anna.page.evaluate(() => (window as unknown as { __notes: { title: string; body: string; tag: string }[] }).__notes);
    await expect.poll(notes, { timeout: 10_000 }).toHaveLength(1);
    const [note] = await notes();
    expect(note?.title).toBe(BEN.name);
    expect(note?.body).toBe('Bist du heute im Büro?');
    expect(note?.tag).toContain(conversation.id);

    // Switched off in the settings: nothing more.
    await anna.page.goto(`${company.app.baseUrl}/settings`);
    const toggle = anna.page.getByRole('checkbox', { name: /browser notification/ });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await anna.page.waitForTimeout(1500);
    await send('Hallo?');
    await anna.page.waitForTimeout(2000);
    expect(await notes()).toHaveLength(0);
    expect(await anna.page.evaluate(() => localStorage.getItem('innenhof.chatNotifications'))).toBe('off');
    expect(anna.problems).toEqual([]);
    await anna.context.close();
    await ben.context.close();
  });

  it('group chat room: the owner starts it from the group page, a member opens it and posts', async () => {
    const anna = await loggedIn(ANNA);
    const group = (await apiAs(company.app, anna.page, 'POST', '/groups', {
      name: 'Lager Nord',
      description: 'Alles rund ums Lager.',
      visibility: 'public',
      joinPolicy: 'open',
    })) as { slug: string };
    const ben = await loggedIn(BEN);
    await apiAs(company.app, ben.page, 'POST', `/groups/${group.slug}/members`, {});

    // Before the room exists, a member without edit rights sees no chat button.
    await ben.page.goto(`${company.app.baseUrl}/groups/${group.slug}`);
    await ben.page.getByRole('heading', { level: 1, name: 'Lager Nord' }).waitFor();
    expect(await ben.page.getByRole('button', { name: /chat/i }).count()).toBe(0);

    await anna.page.goto(`${company.app.baseUrl}/groups/${group.slug}`);
    await anna.page.getByRole('button', { name: 'Start a group chat room' }).click();
    const annaRoom = anna.page.getByRole('region', { name: 'Chat with Lager Nord' });
    await annaRoom.waitFor();
    await anna.page.getByRole('button', { name: 'Chat', exact: true }).waitFor();
    expect(await anna.page.getByRole('button', { name: 'Start a group chat room' }).count()).toBe(0);

    await ben.page.reload();
    await ben.page.getByRole('button', { name: 'Chat', exact: true }).click();
    const benRoom = ben.page.getByRole('region', { name: 'Chat with Lager Nord' });
    const box = benRoom.getByRole('textbox', { name: 'Message' });
    await box.fill('Moin zusammen!');
    await box.press('Enter');
    await annaRoom.getByText('Moin zusammen!').waitFor({ timeout: 10_000 });
    expect([...anna.problems, ...ben.problems]).toEqual([]);
    await anna.context.close();
    await ben.context.close();
  });

  it('admin: the chat attachment limit is saved with the company settings', async () => {
    const ada = await loggedIn(ADMIN);
    await ada.page.goto(`${company.app.baseUrl}/admin/company`);
    const field = ada.page.getByLabel('Maximum chat attachment size (MB)');
    await field.waitFor();
    expect(await field.inputValue()).toBe('25');
    await field.fill('40');
    await ada.page.getByRole('button', { name: 'Save' }).first().click();
    await ada.page.getByText('Company settings saved.').waitFor();
    await ada.page.reload();
    await expect.poll(() => ada.page.getByLabel('Maximum chat attachment size (MB)').inputValue()).toBe('40');
    const settings = (await apiAs(company.app, ada.page, 'GET', '/settings/company')) as { chatAttachmentMaxMb: number };
    expect(settings.chatAttachmentMaxMb).toBe(40);
    expect(ada.problems).toEqual([]);
    await ada.context.close();
  });
});
