/**
 * More chat journeys, each between two or three colleagues in separate browser contexts: the emoji picker,
 * "Jump to first unread", group chat settings (rename, add someone, leave), an image pasted into the
 * composer and the lightbox, a workgroup room's header linking to its group, and one header (with the
 * conversation menu) in a docked window. Plus German dark-mode screenshots on desktop and phone.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ALICE, apiAs, BOB, CLARA, makePng, screenshotDir, seriousViolations, setupCompany, viewports } from './harness.ts';

const desktop = { width: 1366, height: 900 };

const company = setupCompany({ colleagues: [ALICE, BOB, CLARA], viewport: desktop });
const { ids, loggedIn } = company;

/** Sends a message through the API (fast seeding). */
async function say(page: Page, conversationId: string, body: string, attachmentIds?: string[]) {
  return (await apiAs(company.app, page, 'POST', `/conversations/${conversationId}/messages`, {
    clientId: `c${Math.random().toString(36).slice(2, 12)}x`,
    body,
    ...(attachmentIds ? { attachmentIds } : {}),
  })) as { id: string };
}

/** Uploads a PNG as a chat attachment with the page's session. */
async function uploadPng(page: Page, conversationId: string, name: string, png: Buffer): Promise<string> {
  const upload = await page.evaluate(
    async ({ id, bytes, fileName }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const body = new FormData();
      body.append('file', new File([new Uint8Array(bytes)], fileName, { type: 'image/png' }));
      const r = await fetch(`/api/v1/conversations/${id}/attachments`, { method: 'POST', body, headers: { 'X-CSRF-Token': me.csrfToken } });
      return (await r.json()) as { id: string };
    },
    { id: conversationId, bytes: [...png], fileName: name },
  );
  return upload.id;
}

async function openMenu(scope: Page | ReturnType<Page['getByRole']>, item: string) {
  await scope.getByRole('button', { name: 'Conversation options' }).click();
  await scope.getByRole('menuitem', { name: item }).click();
}

/** Whether the element's box lies (at least partly) inside the scrolled message log. */
function inLogView(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const log = document.querySelector('[role="log"]');
    if (!el || !log) return false;
    const a = el.getBoundingClientRect();
    const b = log.getBoundingClientRect();
    return a.bottom > b.top && a.top < b.bottom;
  }, selector);
}

describe('more chat', () => {
  it('emoji picker: search "pizza", pick → in the message box, sent to the other person', async () => {
    const alice = await loggedIn(ALICE);
    const bob = await loggedIn(BOB);
    const direct = (await apiAs(company.app, alice.page, 'POST', '/conversations', { userIds: [ids[BOB.email]] })) as { id: string };
    await bob.page.goto(`${company.app.baseUrl}/chat/${direct.id}`);
    await alice.page.goto(`${company.app.baseUrl}/chat/${direct.id}`);
    await bob.page.getByRole('log').waitFor();

    const box = alice.page.getByRole('textbox', { name: 'Message' });
    await box.fill('Mittag: ');
    const emojiButton = alice.page.getByRole('button', { name: 'Emoji', exact: true });
    await emojiButton.click();
    expect(await emojiButton.getAttribute('aria-expanded')).toBe('true');
    const picker = alice.page.getByRole('dialog', { name: 'Choose an emoji' });
    const search = picker.getByRole('searchbox', { name: 'Search emoji' });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    // The data loads lazily: a category's emoji are listed, then the search narrows them.
    await picker.locator('.emoji-picker__emoji').first().waitFor();
    await search.fill('Pizza');
    const pizza = picker.getByRole('button', { name: 'pizza', exact: true });
    await pizza.waitFor();
    expect(await pizza.textContent()).toBe('🍕');
    await search.fill('zzzzqqq');
    await picker.getByText('No emoji found.').waitFor();
    await search.fill('pizza');
    await pizza.click();
    await picker.waitFor({ state: 'detached' });
    expect(await box.inputValue()).toBe('Mittag: 🍕');
    await box.press('Enter');
    await bob.page.getByRole('log').getByText('Mittag: 🍕').waitFor({ timeout: 10_000 });

    // Escape closes the picker without picking, and the focus returns to the message box or the button.
    await emojiButton.click();
    await picker.waitFor();
    await alice.page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
    expect(await box.inputValue()).toBe('');

    expect([...alice.problems, ...bob.problems]).toEqual([]);
    await alice.context.close();
    await bob.context.close();
  });

  it('"New messages" divider and "Jump to first unread" when the first unread is out of view', async () => {
    const alice = await loggedIn(ALICE);
    const clara = await loggedIn(CLARA);
    const direct = (await apiAs(company.app, alice.page, 'POST', '/conversations', { userIds: [ids[CLARA.email]] })) as { id: string };
    await say(alice.page, direct.id, 'Hallo Clara, wie war der Urlaub?');
    // Enough two-line messages that the first unread one is far above the newest (and under the send limit).
    for (let i = 1; i <= 26; i++) await say(clara.page, direct.id, `Urlaub Teil ${i}\nmit einer zweiten Zeile`);

    await alice.page.goto(`${company.app.baseUrl}/chat/${direct.id}`);
    const log = alice.page.getByRole('log');
    await log.getByText('Urlaub Teil 26').waitFor();
    const divider = log.locator('.unread-divider');
    await divider.getByText('New messages').waitFor();
    // The divider sits right before the first unread message, and the view opens there.
    expect(await divider.evaluate((el) => el.nextElementSibling?.textContent ?? '')).toContain('Urlaub Teil 1');
    await expect.poll(() => inLogView(alice.page, '.unread-divider')).toBe(true);
    const jump = alice.page.getByRole('button', { name: 'Jump to first unread' });
    expect(await jump.count()).toBe(0);

    // Scrolled down to the newest: the divider is out of view and the button appears; it scrolls back.
    await log.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect.poll(() => inLogView(alice.page, '.unread-divider')).toBe(false);
    await jump.waitFor();
    await jump.click();
    await expect.poll(() => inLogView(alice.page, '.unread-divider')).toBe(true);
    await jump.waitFor({ state: 'detached' });
    // Opening it read everything: no unread count left in the list.
    await expect
      .poll(async () => (await apiAs(company.app, alice.page, 'GET', `/conversations/${direct.id}`)) as { unreadCount: number })
      .toMatchObject({ unreadCount: 0 });

    expect([...alice.problems, ...clara.problems]).toEqual([]);
    await alice.context.close();
    await clara.context.close();
  });

  it('a pasted image is uploaded and sent; the lightbox shows the large image and closes with Escape', async () => {
    const alice = await loggedIn(ALICE);
    const bob = await loggedIn(BOB);
    const direct = (await apiAs(company.app, alice.page, 'POST', '/conversations', { userIds: [ids[BOB.email]] })) as { id: string };
    await bob.page.goto(`${company.app.baseUrl}/chat/${direct.id}`);
    // Bob's conversation is on screen (and listening) before Alice sends.
    await bob.page.getByRole('textbox', { name: 'Message' }).waitFor();
    await alice.page.goto(`${company.app.baseUrl}/chat/${direct.id}`);
    const box = alice.page.getByRole('textbox', { name: 'Message' });
    await box.waitFor();

    const png = [...makePng(900, 600, [220, 60, 60])];
    await box.evaluate((el, bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'screenshot.png', { type: 'image/png' }));
      el.focus();
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, png);
    const chip = alice.page.locator('.upload-preview', { hasText: 'screenshot.png' });
    await chip.waitFor();
    await chip.getByRole('progressbar').waitFor({ state: 'detached', timeout: 30_000 });
    // The image did not land in the text.
    expect(await box.inputValue()).toBe('');
    await box.fill('Schau mal');
    await box.press('Enter');
    await chip.waitFor({ state: 'detached' });

    const thumb = bob.page.getByRole('log').getByRole('img', { name: 'screenshot.png' });
    await thumb.waitFor({ timeout: 20_000 });
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const thumbSrc = (await thumb.getAttribute('src')) ?? '';

    // The lightbox: the large variant (not the thumbnail), a link to open it in a new tab, Escape closes.
    await bob.page.getByRole('button', { name: /screenshot\.png.*Open the large image/ }).click();
    const lightbox = bob.page.getByRole('dialog', { name: 'screenshot.png' });
    await lightbox.waitFor();
    const large = lightbox.getByRole('img', { name: 'screenshot.png' });
    await expect.poll(() => large.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const largeSrc = (await large.getAttribute('src')) ?? '';
    expect(largeSrc).not.toBe(thumbSrc);
    expect(await large.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(900);
    expect(await lightbox.getByRole('link', { name: 'Open in a new tab' }).getAttribute('href')).toBe(largeSrc);
    expect(await seriousViolations(bob.page)).toEqual([]);
    await bob.page.keyboard.press('Escape');
    await lightbox.waitFor({ state: 'hidden' });
    // The focus goes back to the thumbnail's button.
    await expect.poll(() => bob.page.evaluate(() => document.activeElement?.classList.contains('attachment-image') ?? false)).toBe(true);

    expect([...alice.problems, ...bob.problems]).toEqual([]);
    await alice.context.close();
    await bob.context.close();
  });

  it('group chat settings: rename (seen live), add someone (they see the chat live), leave (gone from my list)', async () => {
    const alice = await loggedIn(ALICE);
    const bob = await loggedIn(BOB);
    const clara = await loggedIn(CLARA);
    const group = (await apiAs(company.app, alice.page, 'POST', '/conversations', { userIds: [ids[BOB.email]], title: 'Team Nord' })) as { id: string };
    await say(alice.page, group.id, 'Willkommen im Team!');
    await bob.page.goto(`${company.app.baseUrl}/chat/${group.id}`);
    await bob.page.getByRole('log').getByText('Willkommen im Team!').waitFor();
    await clara.page.goto(`${company.app.baseUrl}/chat`);
    await clara.page.getByRole('heading', { level: 1, name: 'Chat' }).waitFor();
    expect(await clara.page.getByRole('link', { name: /Team/ }).count()).toBe(0);

    await alice.page.goto(`${company.app.baseUrl}/chat/${group.id}`);
    await openMenu(alice.page, 'Chat settings');
    const dialog = alice.page.getByRole('dialog', { name: 'Chat settings' });
    const name = dialog.getByRole('textbox', { name: 'Name of the chat' });
    expect(await name.inputValue()).toBe('Team Nord');
    await name.fill('Team Süd');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await dialog.getByText('Saved.').waitFor();

    // Bob sees the new title in the header and the system line, live.
    await bob.page.getByRole('heading', { level: 2, name: 'Team Süd' }).waitFor({ timeout: 10_000 });
    await bob.page.getByRole('log').getByText(`${ALICE.name} renamed the chat to “Team Süd”`).waitFor();

    // Adding Clara with the people picker: she sees the chat appear in her list, live.
    const picker = dialog.getByRole('combobox', { name: 'Add people' });
    await picker.pressSequentially('Clara', { delay: 30 });
    await alice.page.getByRole('option', { name: new RegExp(CLARA.name) }).click();
    await dialog.getByRole('button', { name: 'Add 1 person' }).click();
    await dialog.locator('.chat-settings__member-name', { hasText: CLARA.name }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await alice.page.getByRole('log').getByText(`You added ${CLARA.name}`).waitFor();
    const claraItem = clara.page.getByRole('link', { name: /Team Süd/ });
    await claraItem.waitFor({ timeout: 10_000 });
    await claraItem.click();
    await clara.page.getByRole('log').getByText(`${ALICE.name} added you`).waitFor();
    await clara.page.getByRole('log').getByText('Willkommen im Team!').waitFor();

    // Bob leaves: back to the list, where the chat is gone; the others see the line.
    // Leaving asks first; "Cancel" goes back to the settings with the focus on "Leave chat".
    await openMenu(bob.page, 'Chat settings');
    const leave = bob.page.getByRole('dialog', { name: 'Chat settings' }).getByRole('button', { name: 'Leave chat' });
    await leave.click();
    const confirm = bob.page.getByRole('dialog', { name: 'Leave this chat?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => leave.evaluate((el) => el === document.activeElement)).toBe(true);
    await leave.click();
    await expect.poll(() => confirm.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await confirm.getByRole('button', { name: 'Leave', exact: true }).click();
    await bob.page.waitForURL(`${company.app.baseUrl}/chat`);
    await bob.page.getByText('Pick a conversation, or start a new one.').waitFor();
    await expect.poll(() => bob.page.getByRole('link', { name: /Team Süd/ }).count()).toBe(0);
    await alice.page.getByRole('log').getByText(`${BOB.name} left the chat`).waitFor({ timeout: 10_000 });
    await bob.page.reload();
    await bob.page.getByRole('heading', { level: 1, name: 'Chat' }).waitFor();
    expect(await bob.page.getByRole('link', { name: /Team Süd/ }).count()).toBe(0);

    expect([...alice.problems, ...bob.problems, ...clara.problems]).toEqual([]);
    await alice.context.close();
    await bob.context.close();
    await clara.context.close();
  });

  it('workgroup room: the header links to the group; a docked window has one header with the conversation menu', async () => {
    const alice = await loggedIn(ALICE);
    const bob = await loggedIn(BOB);
    const group = (await apiAs(company.app, alice.page, 'POST', '/groups', {
      name: 'Lager Süd',
      description: 'Alles rund ums Lager.',
      visibility: 'public',
      joinPolicy: 'open',
    })) as { id: string; slug: string };
    await apiAs(company.app, bob.page, 'POST', `/groups/${group.slug}/members`, {});
    const room = (await apiAs(company.app, alice.page, 'PUT', `/groups/${group.id}/chat`, {})) as { id: string };
    await say(bob.page, room.id, 'Die Lieferung ist da.');

    // The chat page: "Group chat · 2 members" under the name, which links to the group.
    await alice.page.goto(`${company.app.baseUrl}/chat/${room.id}`);
    const title = alice.page.getByRole('heading', { level: 2, name: 'Lager Süd' });
    await title.waitFor();
    await alice.page.locator('.thread__sub', { hasText: 'Group chat · 2 members' }).waitFor();
    await title.getByRole('link', { name: 'Lager Süd' }).click();
    await alice.page.waitForURL(/\/groups\/[^/]+$/);
    await alice.page.getByRole('heading', { level: 1, name: 'Lager Süd' }).waitFor();

    // From the group page, the room opens docked: one header with the name (a link), the menu and the
    // window's buttons.
    await alice.page.getByRole('button', { name: 'Chat', exact: true }).click();
    const win = alice.page.getByRole('region', { name: 'Chat with Lager Süd' });
    await win.getByText('Die Lieferung ist da.').waitFor();
    expect(await win.locator('.thread__header').count()).toBe(1);
    expect(await win.locator('.dock-window__header').count()).toBe(0);
    expect(await win.getByRole('heading', { level: 2, name: 'Lager Süd' }).getByRole('link').getAttribute('href')).toBe(`/groups/${group.id}`);
    for (const name of ['Conversation options', 'Minimise chat with Lager Süd', 'Close chat with Lager Süd']) {
      expect(await win.getByRole('button', { name }).isVisible()).toBe(true);
    }
    expect(await win.getByRole('link', { name: 'Open in full view' }).isVisible()).toBe(true);

    const options = win.getByRole('button', { name: 'Conversation options' });
    await options.click();
    const menu = win.getByRole('menu', { name: 'Conversation options' });
    await menu.waitFor();
    const items = await menu.getByRole('menuitem').allTextContents();
    expect(items).toEqual(['Mute notifications', 'Mark as unread', 'Search in conversation', 'Open the group']);
    // Arrow keys move within the menu; the whole menu is inside the window (not clipped).
    await expect
      .poll(() =>
        menu
          .getByRole('menuitem')
          .first()
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    await alice.page.keyboard.press('ArrowDown');
    await expect.poll(() => menu.getByRole('menuitem', { name: 'Mark as unread' }).evaluate((el) => el === document.activeElement)).toBe(true);
    const [menuBox, winBox] = await Promise.all([menu.boundingBox(), win.boundingBox()]);
    expect(menuBox && winBox && menuBox.x >= winBox.x && menuBox.x + menuBox.width <= winBox.x + winBox.width).toBe(true);
    expect(menuBox && winBox && menuBox.y + menuBox.height <= winBox.y + winBox.height).toBe(true);
    await alice.page.screenshot({ path: join(screenshotDir, 'chat-more-dock-menu.png') });
    expect(await seriousViolations(alice.page)).toEqual([]);

    // Escape closes the menu (not the window) and returns to its button.
    await alice.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await win.isVisible()).toBe(true);
    await expect.poll(() => options.evaluate((el) => el === document.activeElement)).toBe(true);

    // Mute from the docked window: the muted icon joins the header; search opens inside the window.
    await openMenu(win, 'Mute notifications');
    await win.locator('.thread__muted').waitFor();
    await openMenu(win, 'Search in conversation');
    await win.getByRole('searchbox', { name: 'Search in this conversation' }).fill('Lieferung');
    await win.locator('.search-hit', { hasText: 'Die Lieferung ist da.' }).waitFor();
    await win.getByRole('button', { name: 'Close search' }).click();

    // The window's own buttons still work: minimise to a bar, restore.
    await win.getByRole('button', { name: 'Minimise chat with Lager Süd' }).click();
    await alice.page.getByRole('button', { name: /^Open chat with Lager Süd/ }).click();
    await win.getByText('Die Lieferung ist da.').waitFor();

    expect([...alice.problems, ...bob.problems]).toEqual([]);
    await alice.context.close();
    await bob.context.close();
  });

  it('screenshots: German, dark mode — the chat page on desktop and phone, a docked window with its menu', async () => {
    const german: BrowserContextOptions = { locale: 'de-DE', colorScheme: 'dark' };
    const alice = await loggedIn(ALICE);
    const group = (await apiAs(company.app, alice.page, 'POST', '/conversations', {
      userIds: [ids[BOB.email], ids[CLARA.email]],
      title: 'Projekt Innenhof – Umbau 2. Obergeschoss',
    })) as { id: string };
    const clara = await loggedIn(CLARA);
    await say(alice.page, group.id, 'Moin! Die **Pläne** für den Umbau sind da: https://example.com/plaene');
    await say(clara.page, group.id, 'Super, danke. Ich schaue sie mir heute Nachmittag an.');
    const imageId = await uploadPng(clara.page, group.id, 'grundriss.png', makePng(1200, 800, [60, 110, 180]));
    const withImage = await say(clara.page, group.id, 'So sieht es gerade aus', [imageId]);
    await apiAs(company.app, alice.page, 'PUT', `/conversations/${group.id}/messages/${withImage.id}/reaction`, { emoji: '👍' });

    const bob = await loggedIn(BOB, { ...german, viewport: desktop });
    await bob.page.goto(`${company.app.baseUrl}/chat/${group.id}`);
    const log = bob.page.getByRole('log');
    await log.getByText('So sieht es gerade aus').waitFor();
    // German throughout: the composer, the menu, the "new messages" divider.
    await bob.page.getByRole('textbox', { name: 'Nachricht' }).waitFor();
    await log.locator('.unread-divider').waitFor();
    await expect
      .poll(() => log.getByRole('img', { name: 'grundriss.png' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    await bob.page.screenshot({ path: join(screenshotDir, 'chat-more-de-dark-desktop.png') });
    expect(await seriousViolations(bob.page)).toEqual([]);
    await bob.context.close();

    const phone = await loggedIn(BOB, { ...german, viewport: viewports.phone });
    await phone.page.goto(`${company.app.baseUrl}/chat/${group.id}`);
    await phone.page.getByRole('log').getByText('So sieht es gerade aus').waitFor();
    await expect
      .poll(() =>
        phone.page
          .getByRole('log')
          .getByRole('img', { name: 'grundriss.png' })
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      )
      .toBe(true);
    await phone.page.screenshot({ path: join(screenshotDir, 'chat-more-de-dark-phone.png') });
    // Nothing wider than the screen.
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewports.phone.width);
    await phone.page.goto(`${company.app.baseUrl}/chat`);
    await phone.page.getByRole('link', { name: /Projekt Innenhof/ }).waitFor();
    await phone.page.screenshot({ path: join(screenshotDir, 'chat-more-de-dark-phone-list.png') });
    expect(phone.problems).toEqual([]);
    await phone.context.close();

    const docked = await loggedIn(BOB, { ...german, viewport: desktop });
    await docked.page.goto(`${company.app.baseUrl}/people/${ids[CLARA.email]}`);
    await docked.page.getByRole('main').getByRole('button', { name: 'Nachricht' }).click();
    const win = docked.page.getByRole('region', { name: `Chat mit ${CLARA.name}` });
    await win.getByRole('textbox', { name: 'Nachricht' }).waitFor();
    await win.getByRole('button', { name: 'Optionen der Unterhaltung' }).click();
    await win.getByRole('menu').waitFor();
    await docked.page.screenshot({ path: join(screenshotDir, 'chat-more-de-dark-dock-menu.png') });
    expect(await seriousViolations(docked.page)).toEqual([]);
    expect([...alice.problems, ...clara.problems, ...docked.problems]).toEqual([]);
    await docked.context.close();
    await alice.context.close();
    await clara.context.close();
  });
});
