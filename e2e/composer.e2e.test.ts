/**
 * The post composer on a phone: "Write | Preview" shows the text as the post will look (markdown, #hashtags)
 * without leaving the draft, and files are checked against the company's limit for post attachments (not the
 * chat's). Plus an axe scan and a screenshot of the preview.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALICE, apiAs, makePng, screenshotDir, seriousViolations, setupCompany, viewports } from './harness.ts';

const ADMIN = { company: 'Acme Logistik GmbH', name: 'Anna Admin', email: 'anna@acme.test', password: 'anna-password-1' };
const company = setupCompany({ admin: ADMIN, colleagues: [ALICE], viewport: viewports.phone });

describe('post composer', () => {
  it('previews markdown and hashtags, keeps the draft, refuses files over the post limit, posts', async () => {
    const admin = await company.loggedIn(ADMIN);
    await apiAs(company.app, admin.page, 'PATCH', '/settings/company', { postAttachmentMaxMb: 1 });
    await admin.context.close();

    const { context, page, problems } = await company.loggedIn(ALICE);
    await page.goto(`${company.app.baseUrl}/`);
    await page.getByRole('button', { name: /What's on your mind/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Create post' });
    await dialog.waitFor();
    const text = dialog.getByRole('combobox', { name: 'Post text' });
    await text.fill('**bold** and #lunch');

    // The post limit (1 MB) applies, although the chat's is still 25 MB.
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: randomBytes(1_500_000) });
    await dialog.getByText('big.bin is larger than 1 MB.').waitFor();
    await dialog.getByRole('button', { name: 'Remove big.bin' }).click();
    await dialog.getByText('big.bin is larger than 1 MB.').waitFor({ state: 'detached' });
    // A photo within the limit uploads (the tile loses its progress bar).
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'lunch.png', mimeType: 'image/png', buffer: makePng(480, 320) });
    await expect.poll(() => dialog.getByRole('progressbar').count(), { timeout: 15_000 }).toBe(0);
    await dialog.getByRole('button', { name: 'Remove lunch.png' }).waitFor();

    const write = dialog.getByRole('button', { name: 'Write', exact: true });
    const preview = dialog.getByRole('button', { name: 'Preview', exact: true });
    expect(await write.getAttribute('aria-pressed')).toBe('true');
    await preview.click();
    expect(await preview.getAttribute('aria-pressed')).toBe('true');
    expect(await write.getAttribute('aria-pressed')).toBe('false');
    expect(await text.isVisible()).toBe(false);
    const rendered = dialog.locator('.md');
    expect(await rendered.locator('strong').textContent()).toBe('bold');
    const hashtag = rendered.getByRole('link', { name: '#lunch' });
    expect(await hashtag.getAttribute('href')).toBe('/hashtags/lunch');
    // A click on the hashtag does not leave the unsaved draft.
    await hashtag.click();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'composer-preview-phone.png') });
    await dialog.getByRole('list', { name: 'Attachments' }).screenshot({ path: join(screenshotDir, 'composer-uploads-phone.png') });

    await write.click();
    await expect.poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await text.inputValue()).toBe('**bold** and #lunch');
    await dialog.getByRole('button', { name: 'Post', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const post = page.getByRole('article').filter({ hasText: 'bold and' }).first();
    expect(await post.locator('strong').textContent()).toBe('bold');
    await post.getByRole('link', { name: '#lunch' }).waitFor();
    await post.getByRole('img', { name: 'lunch.png' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
