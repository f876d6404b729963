/**
 * Polls, the scenario Innenhof exists for: Zoe cannot get Xaver (at home) and Yusuf (travelling) into one
 * meeting. She starts a poll with a deadline in the workgroup through the post editor; Xaver gets the e-mail,
 * follows its "Vote" link in his (German) browser and votes; Zoe's open page shows the bar move to 1 vote and
 * 100 % without a reload. Then a date poll ("Terminfindung"): Xaver and Yusuf answer yes / if need be / no per
 * slot and the best slot is highlighted for everyone. Screenshots of the editor's poll mode and the poll card
 * at phone and desktop size, in English and German; axe scans of the pages with the polls.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, type Person, screenshotDir, seriousViolations, setupCompany, viewports } from './harness.ts';

const ZOE: Person = { name: 'Zoe Zimmer', email: 'zoe@acme.test', password: 'zoe-password-1' };
const XAVER: Person = { name: 'Xaver Xylander', email: 'xaver@acme.test', password: 'xaver-password-1' };
const YUSUF: Person = { name: 'Yusuf Yilmaz', email: 'yusuf@acme.test', password: 'yusuf-password-1' };

const company = setupCompany({ colleagues: [ZOE, XAVER, YUSUF] });
const timezoneId = 'Europe/Berlin';

/** `days` (and `hours`) from now as `date` and `datetime-local` values in Berlin time. */
function berlin(days: number, hours = 0): { date: string; dateTime: string } {
  const at = new Date(Date.now() + days * 86_400_000 + hours * 3_600_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: timezoneId,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, dateTime: `${date}T${parts.hour}:${parts.minute}` };
}

/** Zoe's workgroup with Xaver and Yusuf as members (seeded through the API). */
async function workgroup(): Promise<string> {
  const zoe = await company.loggedIn(ZOE);
  const group = (await apiAs(company.app, zoe.page, 'POST', '/groups', {
    name: 'Projekt Hafenkante',
    description: 'Die Arbeitsgruppe für das neue Lager.',
    visibility: 'public',
    joinPolicy: 'open',
  })) as { slug: string };
  await zoe.context.close();
  for (const person of [XAVER, YUSUF]) {
    const session = await company.loggedIn(person);
    await apiAs(company.app, session.page, 'POST', `/groups/${group.slug}/members`, {});
    await session.context.close();
  }
  return group.slug;
}

let groupSlug = '';

/** The poll card (a region named by its question). */
const pollCard = (page: Page, question: string): Locator => page.getByRole('region', { name: question });

describe('polls', () => {
  it('Zoe starts a poll with a deadline; Xaver follows the e-mail link and votes; Zoe sees the bar move live', async () => {
    groupSlug = await workgroup();
    const { app } = company;
    const zoe = await company.loggedIn(ZOE, { timezoneId });
    await zoe.page.goto(`${app.baseUrl}/groups/${groupSlug}`);
    await zoe.page.getByRole('button', { name: 'Poll', exact: true }).click();
    const dialog = zoe.page.getByRole('dialog', { name: 'Create post' });
    const question = 'Which day suits you for the kick-off?';

    // Inline validation first: an empty question and empty options are named at their fields.
    await dialog.getByRole('button', { name: 'Post', exact: true }).click();
    await dialog.getByText('Enter a question (up to 300 characters).').waitFor();
    expect(await dialog.getByText('Fill in this option (up to 200 characters) or remove it.').count()).toBe(2);
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Question' }).evaluate((el) => el === document.activeElement)).toBe(true);

    await dialog.getByRole('textbox', { name: 'Question' }).fill(question);
    await dialog.getByRole('textbox', { name: 'Option 1' }).fill('Monday');
    await dialog.getByRole('textbox', { name: 'Option 2' }).fill('Wednesday');
    await dialog.getByRole('button', { name: 'Add option' }).click();
    await dialog.getByRole('textbox', { name: 'Option 3' }).fill('Friday');
    await dialog.getByLabel('Deadline (optional)').fill(berlin(3, 1).dateTime);
    await expect.poll(() => dialog.getByLabel('Remind those who have not voted').inputValue()).toBe('default');
    await dialog.getByText('Settings', { exact: true }).click();
    await dialog.getByLabel('Allow several answers').check();
    await dialog.getByLabel('At most (optional)').fill('5');
    await dialog.getByRole('button', { name: 'Post', exact: true }).click();
    // More than there are options: said at the field, the settings open.
    await dialog.getByText('Enter a number between 1 and the number of options, or leave it empty.').waitFor();
    await dialog.getByLabel('Allow several answers').uncheck();
    await dialog.getByRole('textbox', { name: 'Question' }).scrollIntoViewIfNeeded();
    await zoe.page.screenshot({ path: join(screenshotDir, 'polls-composer-desktop-en.png') });
    // A problem only the server finds is shown at the field it names.
    await zoe.page.route('**/api/v1/posts', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 400,
            json: {
              error: {
                code: 'validation_failed',
                message: 'poll.deadline: must be in the future',
                details: { fields: [{ field: 'poll.deadline', message: 'must be in the future' }] },
              },
            },
          })
        : route.fallback(),
    );
    await dialog.getByRole('button', { name: 'Post', exact: true }).click();
    await dialog.getByText('The deadline must be in the future.').waitFor();
    expect(await dialog.getByLabel('Deadline (optional)').getAttribute('aria-invalid')).toBe('true');
    await zoe.page.unroute('**/api/v1/posts');
    await dialog.getByRole('button', { name: 'Post', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    const zoeCard = pollCard(zoe.page, question);
    await zoeCard.getByText(/^Closes in 3 days$/).waitFor();
    await zoeCard.getByRole('radio', { name: 'Monday' }).waitFor();
    await zoe.page.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
    });

    // Xaver is told by e-mail at once; its "Vote" link opens the post.
    const mail = await app.waitForMail((m) => m.to.includes(XAVER.email) && m.text.includes(question), 30_000);
    const link = /https?:\/\/\S+\/posts\/[0-9a-f-]+/.exec(mail.text)?.[0];
    expect(link, mail.text).toBeTruthy();
    const xaver = await company.loggedIn(XAVER, { locale: 'de-DE', timezoneId, viewport: viewports.phone });
    await xaver.page.goto(new URL(new URL(link as string).pathname, app.baseUrl).toString());
    const xaverCard = pollCard(xaver.page, question);
    await xaverCard.getByText('Endet in 3 Tagen').waitFor();
    await xaverCard.screenshot({ path: join(screenshotDir, 'polls-card-phone-de.png') });
    await xaverCard.getByRole('radio', { name: 'Wednesday' }).check();
    await xaverCard.getByRole('button', { name: 'Abstimmen' }).click();
    await xaverCard.getByText('1 Stimme · 100 %').waitFor();
    await xaverCard.getByText('✓ deine Wahl').waitFor();
    expect(await seriousViolations(xaver.page)).toEqual([]);

    // Zoe's page: the bar moved without a reload, and named polls say who voted.
    await zoeCard.getByText('1 vote · 100%').waitFor({ timeout: 15_000 });
    expect(await zoeCard.getByText('0 votes · 0%').count()).toBe(2);
    expect(await zoe.page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await zoeCard.getByText('Who voted (1)').click();
    await zoeCard.getByText(XAVER.name).waitFor();
    await zoeCard.getByText('1 person voted').waitFor();
    // The author's tools: CSV export link and closing early.
    expect(await zoeCard.getByRole('link', { name: 'Download results (CSV)' }).getAttribute('href')).toMatch(/\/api\/v1\/polls\/[^/]+\/export\.csv$/);
    await zoeCard.scrollIntoViewIfNeeded();
    await zoe.page.screenshot({ path: join(screenshotDir, 'polls-card-desktop-en.png') });
    expect(await seriousViolations(zoe.page)).toEqual([]);

    // Xaver changes his mind: his vote moves, Zoe sees it move too.
    await xaverCard.getByRole('button', { name: 'Stimme ändern' }).click();
    await xaverCard.getByRole('radio', { name: 'Friday' }).check();
    await xaverCard.getByRole('button', { name: 'Stimme speichern' }).click();
    await zoeCard.locator('.poll__option', { hasText: 'Friday' }).getByText('1 vote · 100%').waitFor({ timeout: 15_000 });

    // Zoe closes it: Xaver can no longer vote.
    await zoeCard.getByRole('button', { name: 'Close poll now' }).click();
    await zoeCard.getByText(/^Closed on /).waitFor();
    await zoeCard.getByRole('button', { name: 'Reopen poll' }).waitFor();
    await xaverCard.getByText(/^Beendet am /).waitFor({ timeout: 15_000 });
    expect(await xaverCard.getByRole('button', { name: 'Stimme ändern' }).count()).toBe(0);

    // Zoe moves the deadline and reopens it: Xaver may vote again.
    await zoeCard.getByText('Change deadline').click();
    await zoeCard.getByLabel('Deadline (optional)').fill(berlin(2, 1).dateTime);
    await zoeCard.getByRole('button', { name: 'Save deadline' }).click();
    await zoeCard.getByRole('button', { name: 'Reopen poll' }).click();
    await zoeCard.getByText(/^Closes in 2 days$/).waitFor();
    await xaverCard.getByRole('button', { name: 'Stimme ändern' }).waitFor({ timeout: 15_000 });

    // The bell has the poll, in Xaver's language.
    await xaver.page.goto(`${app.baseUrl}/notifications`);
    await xaver.page.getByText('Zoe Zimmer hat in Projekt Hafenkante eine Umfrage gestartet: Stimm jetzt ab').first().waitFor();

    expect(zoe.problems).toEqual([]);
    expect(xaver.problems).toEqual([]);
    await zoe.context.close();
    await xaver.context.close();
  });

  it('a date poll: slots answered yes / if need be / no, the best slot is highlighted (phone, German and English)', async () => {
    const { app } = company;
    const zoe = await company.loggedIn(ZOE, { timezoneId, viewport: viewports.phone, locale: 'de-DE' });
    await zoe.page.goto(`${app.baseUrl}/groups/${groupSlug}`);
    await zoe.page.getByRole('button', { name: 'Umfrage', exact: true }).click();
    const dialog = zoe.page.getByRole('dialog', { name: 'Beitrag erstellen' });
    await dialog.getByRole('radio', { name: 'Termin finden' }).check();
    const question = 'Planungstreffen Hafenkante';
    await dialog.getByLabel('Worum geht es?').fill(question);
    const slots = dialog.getByRole('group', { name: /^Terminvorschlag \d$/ });
    const days = [berlin(5), berlin(6)];
    for (const [index, day] of days.entries()) {
      const slot = slots.nth(index);
      await slot.getByLabel('Datum').fill(day.date);
      await slot.getByLabel('Von').fill('12:00');
      await slot.getByLabel('Bis').fill('13:00');
    }
    // The end before the start is named at the slot.
    await slots.nth(1).getByLabel('Bis').fill('11:00');
    await dialog.getByRole('button', { name: 'Posten', exact: true }).click();
    await dialog.getByText('Wähl ein Datum und eine Anfangszeit; das Ende muss nach dem Anfang liegen.').waitFor();
    await slots.nth(1).getByLabel('Bis').fill('13:00');
    await dialog.getByLabel('Worum geht es?').scrollIntoViewIfNeeded();
    await zoe.page.screenshot({ path: join(screenshotDir, 'polls-composer-date-phone-de.png') });
    await dialog.getByRole('button', { name: 'Posten', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const zoeCard = pollCard(zoe.page, question);
    await zoeCard.getByText('Terminfindung').waitFor();

    // Xaver (English, desktop): yes on the second slot, if need be on the first.
    const xaver = await company.loggedIn(XAVER, { timezoneId });
    await xaver.page.goto(`${app.baseUrl}/groups/${groupSlug}`);
    const xaverCard = pollCard(xaver.page, question);
    const rows = xaverCard.locator('.poll__slot');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    await rows.nth(0).getByRole('radiogroup').getByRole('radio', { name: 'If need be' }).check();
    await rows.nth(1).getByRole('radiogroup').getByRole('radio', { name: 'Yes' }).check();
    await xaverCard.getByRole('button', { name: 'Send answers' }).click();
    await xaverCard.getByText('Your answers are saved').waitFor();

    // Yusuf (dark theme): no, then yes.
    const yusuf = await company.loggedIn(YUSUF, { timezoneId, colorScheme: 'dark' });
    await yusuf.page.goto(`${app.baseUrl}/groups/${groupSlug}`);
    const yusufCard = pollCard(yusuf.page, question);
    const yusufRows = yusufCard.locator('.poll__slot');
    await yusufRows.nth(0).getByRole('radio', { name: 'No' }).check();
    await yusufRows.nth(1).getByRole('radio', { name: 'Yes' }).check();
    await yusufCard.getByRole('button', { name: 'Send answers' }).click();
    await yusufCard.getByText('Your answers are saved').waitFor();
    await yusufCard.locator('.poll__slot--best').waitFor();
    await yusufCard.screenshot({ path: join(screenshotDir, 'polls-date-card-dark-en.png') });
    expect(await seriousViolations(yusuf.page)).toEqual([]);

    // The second slot is the best, for everyone; Zoe's phone shows it live in German.
    const best = xaverCard.locator('.poll__slot--best');
    await best.getByText('2 yes').waitFor({ timeout: 15_000 });
    await xaverCard.getByText(/^Best: /).waitFor();
    const zoeBest = zoeCard.locator('.poll__slot--best');
    await zoeBest.getByText('2 Ja').waitFor({ timeout: 15_000 });
    await zoeBest.getByText('Am besten').waitFor();
    await zoeCard.locator('.poll__slot').first().getByText('1 wenn nötig').waitFor();
    await zoeCard.getByText(/^Am besten: /).waitFor();
    // The author may turn it into an event: the best slot is preselected.
    const slotSelect = zoeCard.getByLabel('Termin für die Veranstaltung');
    expect(await slotSelect.locator('option:checked').textContent()).toContain('(Am besten)');
    await zoeCard.getByRole('button', { name: 'Veranstaltung aus diesem Termin erstellen' }).waitFor();
    await zoeCard.screenshot({ path: join(screenshotDir, 'polls-date-card-phone-de.png') });
    // Nothing is wider than the phone.
    expect(await zoe.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewports.phone.width);
    await xaverCard.scrollIntoViewIfNeeded();
    await xaver.page.screenshot({ path: join(screenshotDir, 'polls-date-card-desktop-en.png') });
    expect(await seriousViolations(zoe.page)).toEqual([]);
    expect(await seriousViolations(xaver.page)).toEqual([]);

    // One click: the best slot becomes an event, and Zoe lands on its page.
    await zoeCard.getByRole('button', { name: 'Veranstaltung aus diesem Termin erstellen' }).click();
    await zoe.page.waitForURL(/\/events\/[0-9a-f-]+/);
    const eventId = /\/events\/([0-9a-f-]+)/.exec(zoe.page.url())?.[1];
    const event = (await apiAs(app, xaver.page, 'GET', `/events/${eventId}`)) as { title: string; startsAt: string };
    expect(event.title).toBe(question);
    // Xaver's card now links to it.
    await xaverCard.getByRole('link', { name: 'Open the event' }).waitFor({ timeout: 15_000 });

    for (const session of [zoe, xaver, yusuf]) {
      expect(session.problems).toEqual([]);
      await session.context.close();
    }
  });
});
