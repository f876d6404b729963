/**
 * Chat: two employees in two browsers. Alice starts a chat from Bob's profile; Bob sees the message live
 * (no reload), types (Alice sees it), replies; Alice sees the reply and "Seen". Plus axe and screenshots.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ALICE, BOB, screenshotDir, seriousViolations, setupCompany, viewports } from './harness.ts';

const company = setupCompany({ colleagues: [ALICE, BOB] });
const { ids, loggedIn } = company;

describe('chat', () => {
  it('two colleagues chat live: message, typing, reply, seen', async () => {
    expect(ids[BOB.email]).not.toBe('');
    const bob = await loggedIn(BOB);
    await bob.page.goto(`${company.app.baseUrl}/chat`);
    await bob.page.getByRole('heading', { name: 'Chat', level: 1 }).waitFor();
    await bob.page.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
    });
    // Give the tab a moment to open its live connection.
    await bob.page.waitForTimeout(1000);

    // Alice: Bob's profile → Message → "Hallo!".
    const alice = await loggedIn(ALICE);
    await alice.page.goto(`${company.app.baseUrl}/people/${ids[BOB.email]}`);
    await alice.page.getByRole('button', { name: 'Message' }).click();
    // Wide screens open a docked window first (dock.e2e.test.ts); from there to the full chat page.
    await alice.page
      .getByRole('region', { name: `Chat with ${BOB.name}` })
      .getByRole('link', { name: 'Open in full view' })
      .click();
    await alice.page.waitForURL(/\/chat\/[^/]+$/);
    const aliceLog = alice.page.getByRole('log');
    const aliceBox = alice.page.getByRole('textbox', { name: 'Message' });
    await aliceBox.fill('Hallo!');
    await aliceBox.press('Enter');
    await aliceLog.getByText('Hallo!').waitFor();
    await alice.page.locator('.bubble__status', { hasText: 'Sent' }).waitFor();
    expect(await aliceBox.inputValue()).toBe('');

    // Bob sees the new conversation and the unread count without reloading.
    const item = bob.page.getByRole('link', { name: new RegExp(ALICE.name) });
    await item.getByText('Hallo!').waitFor({ timeout: 10_000 });
    await bob.page.locator('.left-nav .nav-badge', { hasText: '1' }).waitFor();
    await expect.poll(() => bob.page.title()).toMatch(/^\(1\) /);

    // Bob opens it (read → Alice sees "Seen"), types (Alice sees it), replies.
    await item.click();
    await bob.page.getByRole('log').getByText('Hallo!').waitFor();
    await alice.page.locator('.bubble__status', { hasText: 'Seen' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => bob.page.title()).not.toMatch(/^\(\d+\) /);
    const bobBox = bob.page.getByRole('textbox', { name: 'Message' });
    await bobBox.pressSequentially('Hi Alice', { delay: 50 });
    await alice.page.getByText('Bob is typing…').waitFor({ timeout: 10_000 });
    await bobBox.press('Enter');
    await aliceLog.getByText('Hi Alice').waitFor({ timeout: 10_000 });
    expect(await bob.page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    // Alice reads Bob's reply → Bob's message shows "Seen".
    await bob.page.locator('.bubble__status', { hasText: 'Seen' }).waitFor({ timeout: 10_000 });

    expect(await seriousViolations(bob.page)).toEqual([]);
    await alice.page.screenshot({ path: join(screenshotDir, 'chat-conversation-desktop.png') });
    await bob.page.goto(`${company.app.baseUrl}/chat`);
    await bob.page.getByRole('link', { name: new RegExp(ALICE.name) }).waitFor();
    expect(await seriousViolations(bob.page)).toEqual([]);
    await bob.page.screenshot({ path: join(screenshotDir, 'chat-list-desktop.png') });

    expect([...alice.problems, ...bob.problems]).toEqual([]);
    await alice.context.close();
    await bob.context.close();
  });

  it('phone: list and conversation are separate full-screen views', async () => {
    const { context, page, problems } = await loggedIn(BOB, { viewport: viewports.phone });
    await page.goto(`${company.app.baseUrl}/`);
    // Phones: Chat is an icon in the top bar (the bottom bar keeps at most five whole labels).
    expect(await page.locator('nav.bottom-tabs .bottom-tabs__label').count()).toBeLessThanOrEqual(5);
    await page.getByRole('banner').getByRole('link', { name: /^Chat/ }).click();
    await page.waitForURL(/\/chat$/);
    const item = page.getByRole('link', { name: new RegExp(ALICE.name) });
    await item.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'chat-list-phone.png') });
    await item.click();
    await page.getByRole('log').getByText('Hi Alice').waitFor();
    expect(await item.isVisible()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'chat-conversation-phone.png') });
    await page.getByRole('link', { name: 'Back to conversations' }).click();
    await item.waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('new conversation dialog reuses the direct chat; own messages can be edited and deleted', async () => {
    const { context, page, problems } = await loggedIn(ALICE);
    await page.goto(`${company.app.baseUrl}/chat`);
    await page.getByRole('button', { name: 'New' }).click();
    const dialog = page.getByRole('dialog', { name: 'New conversation' });
    await dialog.getByRole('combobox', { name: 'To' }).fill('Bob');
    await dialog.getByRole('option', { name: new RegExp(BOB.name) }).click();
    await dialog.getByRole('button', { name: 'Start chat' }).click();
    await page.waitForURL(/\/chat\/[^/]+$/);
    const log = page.getByRole('log');
    await log.getByText('Hi Alice').waitFor();

    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('Tippfehlr');
    await box.press('Enter');
    const bubble = log.locator('.bubble-wrap', { hasText: 'Tippfehlr' });
    await bubble.waitFor();
    await bubble.hover();
    await bubble.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit message' });
    await edit.getByRole('textbox').fill('Tippfehler');
    await edit.getByRole('button', { name: 'Save' }).click();
    await log.getByText('Tippfehler', { exact: true }).waitFor();
    await log.getByText('Edited').waitFor();

    const fixed = log.locator('.bubble-wrap', { hasText: 'Tippfehler' });
    await fixed.hover();
    await fixed.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete message?' }).getByRole('button', { name: 'Delete' }).click();
    await log.getByText('Message deleted').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
