/**
 * Admin tools around the feed: Ben reports Clara's post, Anna reads the reason under "Reported posts" and hides
 * the post (gone for Ben, the report moves to "Hidden"); Anna puts Clara on the communications team (Clara may
 * then announce company-wide); Anna allow-lists an intranet host for link previews. axe scan and a phone screenshot.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiAs, screenshotDir, seriousViolations, setupCompany, viewports } from './harness.ts';

const ANNA = { name: 'Anna Admin', email: 'anna@acme.test', password: 'anna-password-1' };
const BEN = { name: 'Ben Berger', email: 'ben@acme.test', password: 'ben-password-1' };
const CLARA = { name: 'Clara Conrad', email: 'clara@acme.test', password: 'clara-password-1' };

const acme = setupCompany({ colleagues: [BEN, CLARA] });
const loggedIn = (person: { email: string; password: string }, viewport?: { width: number; height: number }) =>
  acme.loggedIn(person, viewport ? { viewport } : {});

describe('admin: feed moderation and settings', () => {
  it('a reported post is hidden from Reported posts and the report moves to Hidden', async () => {
    const clara = await loggedIn(CLARA);
    const post = (await apiAs(acme.app, clara.page, 'POST', '/posts', {
      audience: { kind: 'profile' },
      body: 'Cheap **watches** for sale, write me!',
    })) as { id: string };
    await clara.context.close();

    const ben = await loggedIn(BEN);
    await apiAs(acme.app, ben.page, 'POST', `/posts/${post.id}/reports`, { reason: 'Advertising, not work related.' });

    const anna = await loggedIn(ANNA);
    await anna.page.goto(`${acme.app.baseUrl}/admin`);
    await anna.page.getByRole('link', { name: 'Reported posts' }).click();
    await anna.page.waitForURL('**/admin/reports');
    const report = anna.page.getByRole('article', { name: 'Reported by Ben Berger' });
    await report.getByText('Advertising, not work related.').waitFor();
    await report.getByText('Cheap').waitFor();
    expect(await report.locator('strong').textContent()).toBe('watches');
    await report.getByRole('link', { name: 'Clara Conrad' }).waitFor();
    // Away from the tab just clicked: axe judges a hovered link's colours mid-transition.
    await anna.page.mouse.move(0, 0);
    expect(await seriousViolations(anna.page)).toEqual([]);

    await report.getByRole('button', { name: /Hide post/ }).click();
    const dialog = anna.page.getByRole('dialog', { name: 'Hide this post?' });
    await dialog.getByText(/The post by Clara Conrad is removed/).waitFor();
    expect(await seriousViolations(anna.page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Hide post' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await anna.page.getByText('The post is hidden.').waitFor();
    await anna.page.getByText('No open reports.', { exact: false }).waitFor();

    const gone = await ben.page.request.get(`${acme.app.baseUrl}/api/v1/posts/${post.id}`);
    expect(gone.status()).toBe(404);

    await anna.page.getByRole('radio', { name: 'Hidden' }).check();
    const hidden = anna.page.getByRole('article', { name: 'Reported by Ben Berger' });
    await hidden.getByText('Advertising, not work related.').waitFor();
    await hidden.getByText('The post has been removed.').waitFor();
    expect(await hidden.getByRole('button', { name: /Hide post|Keep/ }).count()).toBe(0);
    await ben.context.close();
    await anna.context.close();
  });

  it('phone: the reports page with an open report, and Keep', async () => {
    const ben = await loggedIn(BEN);
    const post = (await apiAs(acme.app, ben.page, 'POST', '/posts', {
      audience: { kind: 'profile' },
      body: 'Our new canteen menu is online: https://example.com/menu — long words like Donaudampfschifffahrtsgesellschaftskapitän wrap.',
    })) as { id: string };
    const clara = await loggedIn(CLARA);
    await apiAs(acme.app, clara.page, 'POST', `/posts/${post.id}/reports`, { reason: 'I think this link is broken and confusing for new colleagues.' });
    await clara.context.close();

    const anna = await loggedIn(ANNA, viewports.phone);
    await anna.page.goto(`${acme.app.baseUrl}/admin/reports`);
    const report = anna.page.getByRole('article', { name: 'Reported by Clara Conrad' });
    await report.getByText('I think this link is broken').waitFor();
    expect(await seriousViolations(anna.page)).toEqual([]);
    // No horizontal scrolling on a phone.
    expect(await anna.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewports.phone.width);
    await anna.page.screenshot({ path: join(screenshotDir, 'admin-reports-phone.png'), fullPage: true });

    await report.getByRole('button', { name: /Keep/ }).click();
    await anna.page.getByText('The post stays; the report is closed.').waitFor();
    expect((await ben.page.request.get(`${acme.app.baseUrl}/api/v1/posts/${post.id}`)).status()).toBe(200);
    await anna.page.getByRole('radio', { name: 'Kept' }).check();
    await anna.page.getByRole('article', { name: 'Reported by Clara Conrad' }).getByText('kept on', { exact: false }).waitFor();
    await ben.context.close();
    await anna.context.close();
  });

  it('the communications team: Anna adds Clara, who may then announce', async () => {
    const clara = await loggedIn(CLARA);
    const before = (await (await clara.page.request.get(`${acme.app.baseUrl}/api/v1/me`)).json()) as { abilities: { announce: boolean } };
    expect(before.abilities.announce).toBe(false);

    const anna = await loggedIn(ANNA);
    await anna.page.goto(`${acme.app.baseUrl}/admin/company`);
    const card = anna.page.getByRole('region', { name: 'Communications team' });
    await card.getByText('Nobody yet').waitFor();
    const picker = card.getByRole('combobox', { name: 'Add a colleague' });
    await picker.fill('Cla');
    await card.getByRole('option', { name: /Clara Conrad/ }).click();
    await card.getByText('Communications team saved.').waitFor();
    await card.getByRole('button', { name: 'Remove Clara Conrad' }).waitFor();

    const after = (await (await clara.page.request.get(`${acme.app.baseUrl}/api/v1/me`)).json()) as { abilities: { announce: boolean } };
    expect(after.abilities.announce).toBe(true);

    await anna.page.reload();
    await anna.page.getByRole('region', { name: 'Communications team' }).getByRole('button', { name: 'Remove Clara Conrad' }).waitFor();
    expect(await seriousViolations(anna.page)).toEqual([]);
    await clara.context.close();
    await anna.context.close();
  });

  it('link previews: a bad host shows the error at its entry; a good one persists after reload', async () => {
    const anna = await loggedIn(ANNA, viewports.phone);
    await anna.page.goto(`${acme.app.baseUrl}/admin/company`);
    const toggle = anna.page.getByRole('switch', { name: 'Show link previews' });
    expect(await toggle.isChecked()).toBe(true);
    await anna.page.getByText('Only these intranet hosts may be fetched for previews').waitFor();

    await anna.page.getByRole('button', { name: 'Add host' }).click();
    await anna.page.getByRole('textbox', { name: 'Intranet host 1' }).fill('wiki.intern.example');
    await anna.page.getByRole('button', { name: 'Add host' }).click();
    const second = anna.page.getByRole('textbox', { name: 'Intranet host 2' });
    await expect.poll(() => second.evaluate((el) => el === document.activeElement)).toBe(true);
    await second.fill('https://bad.example:8080/path');
    await anna.page.getByRole('button', { name: 'Save' }).click();
    await anna.page.getByText('Enter a host name like wiki.intern.example, without https://').waitFor();
    expect(await second.getAttribute('aria-invalid')).toBe('true');
    expect(await anna.page.getByRole('textbox', { name: 'Intranet host 1' }).getAttribute('aria-invalid')).toBeNull();
    await anna.page.screenshot({ path: join(screenshotDir, 'admin-company-link-previews-phone.png'), fullPage: true });

    await anna.page.getByRole('button', { name: /Remove.*bad\.example/ }).click();
    await toggle.uncheck();
    await anna.page.getByRole('button', { name: 'Save' }).click();
    await anna.page.getByText('Company settings saved.').waitFor();

    await anna.page.reload();
    await anna.page.getByRole('switch', { name: 'Show link previews' }).waitFor();
    expect(await anna.page.getByRole('switch', { name: 'Show link previews' }).isChecked()).toBe(false);
    expect(await anna.page.getByRole('textbox', { name: 'Intranet host 1' }).inputValue()).toBe('wiki.intern.example');
    expect(await anna.page.getByRole('textbox', { name: 'Intranet host 2' }).count()).toBe(0);
    const company = (await (await anna.page.request.get(`${acme.app.baseUrl}/api/v1/settings/company`)).json()) as {
      linkPreviews: boolean;
      linkPreviewAllowHosts: string[];
    };
    expect(company).toMatchObject({ linkPreviews: false, linkPreviewAllowHosts: ['wiki.intern.example'] });
    expect(await seriousViolations(anna.page)).toEqual([]);
    await anna.context.close();
  });
});
