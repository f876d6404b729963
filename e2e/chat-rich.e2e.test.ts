/**
 * Rich chat: formatting (sanitized), @mentions, reactions (live), image and file attachments with upload
 * progress, search in a conversation, mute, and a group chat whose creator removes someone. Two or three
 * employees in separate browser contexts. Plus a phone screenshot and axe scans.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ALICE, apiAs, BOB, CLARA, makePng, screenshotDir, seriousViolations, setupCompany, viewports } from './harness.ts';

const company = setupCompany({ colleagues: [ALICE, BOB, CLARA] });
const { ids, loggedIn } = company;

/** Sends messages through the API (fast seeding). */
async function say(page: Page, conversationId: string, body: string) {
  await apiAs(company.app, page, 'POST', `/conversations/${conversationId}/messages`, { clientId: `c${Math.random().toString(36).slice(2, 12)}x`, body });
}

async function openMenu(page: Page, item: string) {
  await page.getByRole('button', { name: 'Conversation options' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

describe('rich chat', () => {
  let directId = '';

  it('formatting, mentions, reactions, attachments, search and mute between two colleagues', async () => {
    const alice = await loggedIn(ALICE);
    const bob = await loggedIn(BOB);
    const direct = (await apiAs(company.app, alice.page, 'POST', '/conversations', { userIds: [ids[BOB.email]] })) as { id: string };
    directId = direct.id;
    // An old message, then enough newer ones that it is not on the first page (30).
    await say(alice.page, directId, 'Uralte Notiz zum Budget');
    for (let i = 0; i < 16; i++) await say(alice.page, directId, `Alice Füller ${i}`);
    for (let i = 0; i < 16; i++) await say(bob.page, directId, `Bob Füller ${i}`);

    await bob.page.goto(`${company.app.baseUrl}/chat/${directId}`);
    await alice.page.goto(`${company.app.baseUrl}/chat/${directId}`);
    const aliceLog = alice.page.getByRole('log');
    const bobLog = bob.page.getByRole('log');
    await bobLog.getByText('Bob Füller 15').waitFor();
    await aliceLog.getByText('Bob Füller 15').waitFor();
    await bob.page.waitForTimeout(800);

    // Bold, a link, and HTML that must stay text.
    const aliceBox = alice.page.getByRole('textbox', { name: 'Message' });
    await aliceBox.fill('**Wichtig** siehe https://example.com/doc <img src=x onerror=alert(1)>');
    await aliceBox.press('Enter');
    const formatted = bobLog.locator('.bubble', { hasText: 'Wichtig' });
    await formatted.waitFor({ timeout: 10_000 });
    expect(await formatted.locator('strong').textContent()).toBe('Wichtig');
    const link = formatted.locator('a[href="https://example.com/doc"]');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await formatted.locator('img').count()).toBe(0);
    await formatted.getByText('<img src=x onerror=alert(1)>').waitFor();

    // @mention: suggestions from the members, keyboard pick, highlighted for Bob.
    await aliceBox.pressSequentially('Hallo @Bo', { delay: 20 });
    await alice.page.getByRole('option', { name: BOB.name }).waitFor();
    await aliceBox.press('Enter');
    expect(await aliceBox.inputValue()).toBe(`Hallo @${BOB.name} `);
    // The rest of the text in one go (typing key by key on a loaded machine raced the suggestion list). The pick puts
    // the caret after the name a frame later; a fill that lands in between inserts at the caret instead of replacing
    // (seen once in CI), so the fill is repeated until the box holds exactly the text.
    const text = `Hallo @${BOB.name} schau mal`;
    await expect
      .poll(async () => {
        if ((await aliceBox.inputValue()) !== text) await aliceBox.fill(text);
        return aliceBox.inputValue();
      })
      .toBe(text);
    await aliceBox.press('Enter');
    const mention = bobLog.locator('a.mention', { hasText: `@${BOB.name}` });
    await mention.waitFor({ timeout: 10_000 });
    expect(await mention.getAttribute('href')).toBe(`/people/${ids[BOB.email]}`);

    // Bob reacts with 👍; Alice sees the chip live.
    const bobBubble = bobLog.locator('.bubble-wrap', { hasText: 'schau mal' });
    await bobBubble.hover();
    await bobBubble.getByRole('button', { name: 'React' }).click();
    await bob.page.getByRole('toolbar', { name: 'Reactions' }).getByRole('button', { name: 'React with 👍' }).click();
    await bobLog.getByRole('button', { name: `👍 1: You` }).waitFor();
    await aliceLog.getByRole('button', { name: `👍 1: ${BOB.name}` }).waitFor({ timeout: 10_000 });

    // An image: progress bar while it uploads (slow network), then the thumbnail for Bob.
    const cdp = await alice.context.newCDPSession(alice.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 16 * 1024 });
    await alice.page
      .locator('.composer input[type="file"]')
      .setInputFiles({ name: 'hof.png', mimeType: 'image/png', buffer: makePng(1600, 1200, [30, 140, 90]) });
    const progress = alice.page.getByRole('progressbar', { name: 'Uploading hof.png' });
    await progress.waitFor();
    expect(Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
    await progress.waitFor({ state: 'detached', timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await alice.page.getByRole('button', { name: 'Send' }).click();
    const thumb = bobLog.getByRole('img', { name: 'hof.png' });
    await thumb.waitFor({ timeout: 10_000 });
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await thumb.getAttribute('loading')).toBe('lazy');

    // A file: a download card.
    await alice.page
      .locator('.composer input[type="file"]')
      .setInputFiles({ name: 'protokoll.txt', mimeType: 'text/plain', buffer: Buffer.from('Protokoll der Sitzung\n') });
    await aliceBox.fill('Das Protokoll');
    await alice.page.locator('.upload-preview', { hasText: 'protokoll.txt' }).getByRole('progressbar').waitFor({ state: 'detached' });
    await aliceBox.press('Enter');
    const card = bobLog.getByRole('link', { name: /protokoll\.txt/ });
    await card.waitFor({ timeout: 10_000 });
    const href = (await card.getAttribute('href')) ?? '';
    expect(await card.getAttribute('download')).toBe('protokoll.txt');
    const download = await bob.page.request.get(`${company.app.baseUrl}${href}`);
    expect(download.headers()['content-disposition']).toMatch(/^attachment/);

    expect(await seriousViolations(bob.page)).toEqual([]);

    // Search finds the old message; picking it loads older pages and shows it.
    await openMenu(bob.page, 'Search in conversation');
    await bob.page.getByRole('searchbox', { name: 'Search in this conversation' }).fill('uralte');
    const hit = bob.page.locator('.search-hit', { hasText: 'Uralte Notiz' });
    await hit.waitFor();
    expect(await hit.locator('mark').textContent()).toBe('Uralte');
    await hit.click();
    const old = bobLog.getByText('Uralte Notiz zum Budget');
    await old.waitFor({ timeout: 10_000 });
    await expect.poll(() => old.isVisible()).toBe(true);
    await bob.page.locator('.bubble-row--flash').waitFor();

    // Mute: the icon in the header and in the list.
    await openMenu(bob.page, 'Mute notifications');
    await bob.page.locator('.thread__muted').waitFor();
    await bob.page
      .getByRole('link', { name: new RegExp(ALICE.name) })
      .getByText('Muted')
      .waitFor();

    expect([...alice.problems, ...bob.problems]).toEqual([]);
    await alice.context.close();
    await bob.context.close();
  });

  it('group chat: the creator removes someone, who then sees no new messages; phone view', async () => {
    const alice = await loggedIn(ALICE);
    const clara = await loggedIn(CLARA);
    const group = (await apiAs(company.app, alice.page, 'POST', '/conversations', { userIds: [ids[BOB.email], ids[CLARA.email]], title: 'Projekt Hof' })) as {
      id: string;
    };
    await say(alice.page, group.id, 'Willkommen im Projekt!');
    await clara.page.goto(`${company.app.baseUrl}/chat/${group.id}`);
    await clara.page.getByRole('log').getByText('Willkommen im Projekt!').waitFor();
    await clara.page.waitForTimeout(800);

    await alice.page.goto(`${company.app.baseUrl}/chat/${group.id}`);
    await openMenu(alice.page, 'Chat settings');
    const dialog = alice.page.getByRole('dialog', { name: 'Chat settings' });
    await dialog.getByRole('button', { name: `Remove ${CLARA.name}` }).click();
    await dialog.locator('.chat-settings__member-name', { hasText: CLARA.name }).waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await alice.page.getByRole('log').getByText(`You removed ${CLARA.name}`).waitFor();

    const aliceBox = alice.page.getByRole('textbox', { name: 'Message' });
    await aliceBox.fill('Nur noch für Bob');
    await aliceBox.press('Enter');
    await alice.page.getByRole('log').getByText('Nur noch für Bob').waitFor();
    await clara.page.getByText('This conversation does not exist, or you are not in it.').waitFor({ timeout: 10_000 });
    await clara.page.waitForTimeout(500);
    expect(await clara.page.getByText('Nur noch für Bob').count()).toBe(0);
    const claraMessages = await clara.page.request.get(`${company.app.baseUrl}/api/v1/conversations/${group.id}/messages`);
    expect(claraMessages.status()).toBe(404);

    // Bob on a phone: an image, a reaction and the system line.
    const upload = await alice.page.evaluate(
      async ({ id, bytes }) => {
        const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
        const body = new FormData();
        body.append('file', new File([new Uint8Array(bytes)], 'baustelle.png', { type: 'image/png' }));
        const r = await fetch(`/api/v1/conversations/${id}/attachments`, { method: 'POST', body, headers: { 'X-CSRF-Token': me.csrfToken } });
        return (await r.json()) as { id: string };
      },
      { id: group.id, bytes: [...makePng(800, 500, [200, 120, 40])] },
    );
    const sent = (await apiAs(company.app, alice.page, 'POST', `/conversations/${group.id}/messages`, {
      clientId: 'phone-shot-1',
      body: 'So sieht die **Baustelle** aus',
      attachmentIds: [upload.id],
    })) as { id: string };
    const bob = await loggedIn(BOB, { viewport: viewports.phone });
    await apiAs(company.app, bob.page, 'PUT', `/conversations/${group.id}/messages/${sent.id}/reaction`, { emoji: '❤️' });
    await bob.page.goto(`${company.app.baseUrl}/chat/${group.id}`);
    const bobLog = bob.page.getByRole('log');
    await bobLog.getByText(`${ALICE.name} removed ${CLARA.name}`).waitFor();
    const image = bobLog.getByRole('img', { name: 'baustelle.png' });
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await bobLog.getByRole('button', { name: /❤️ 1: You/ }).waitFor();
    expect(await seriousViolations(bob.page)).toEqual([]);
    await bob.page.screenshot({ path: join(screenshotDir, 'chat-rich-phone.png') });

    expect([...alice.problems, ...clara.problems, ...bob.problems]).toEqual([]);
    await alice.context.close();
    await clara.context.close();
    await bob.context.close();
  });
});
