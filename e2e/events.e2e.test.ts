/**
 * Events in the browser: Alice creates "Lunch today" with one place through the dialog; Bob says "Going" and
 * gets the place, Clara lands on the waiting list; Bob cancels and Clara's open page shows her as going without
 * a reload, and her bell tells her she moved up. The .ics download; the time zone (12:00 in Berlin is 11:00 in
 * London); the list, calendar, event page and dialog at phone and desktop size in German and English, with an
 * axe scan of each.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ALICE, apiAs, BOB, CLARA, screenshotDir, seriousViolations, setupCompany, viewports } from './harness.ts';

const ANNA = { email: 'anna@acme.test', password: 'anna-password-1' };
const company = setupCompany({ colleagues: [ALICE, BOB, CLARA] });

const status = (page: Page, text: string | RegExp) => page.locator('.rsvp__status').filter({ hasText: text });

/** Today's date and hour in Berlin (where the users' devices are). */
function berlinNow(): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('events', () => {
  it('"Lunch today" with one place: Bob goes, Clara waits; Bob cancels and Clara moves up live and is told', async () => {
    const { app } = company;
    const alice = await company.loggedIn(ALICE, { timezoneId: 'Europe/Berlin' });
    await alice.page.goto(`${app.baseUrl}/events`);
    await alice.page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    await alice.page.getByRole('button', { name: 'Lunch today' }).click();

    const dialog = alice.page.getByRole('dialog', { name: 'Lunch today' });
    await dialog.waitFor();
    // Prefilled: today 12:00–13:00 in the canteen, editable.
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Lunch');
    expect(await dialog.getByLabel('Location').inputValue()).toBe('Canteen');
    expect(await dialog.getByLabel('Start time').inputValue()).toBe('12:00');
    expect(await dialog.getByLabel('End time').inputValue()).toBe('13:00');
    const today = berlinNow();
    expect(await dialog.getByLabel('Start date').inputValue()).toBe(today.date);
    expect(await dialog.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');
    // Late in the day, today's lunch is over: tomorrow's then (the end moves along with the start).
    if (today.hour >= 12) {
      await dialog.getByLabel('Start date').fill(addDays(today.date, 1));
      expect(await dialog.getByLabel('End date').inputValue()).toBe(addDays(today.date, 1));
    }
    await dialog.getByLabel('Places (optional)').fill('1');
    // The server's 400 is shown at the field it names.
    const link = dialog.getByLabel('Online meeting link');
    await link.fill('ftp://files.acme.test/menu');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.getByText('Enter a web link that starts with https:// (or http://).').waitFor();
    expect(await link.getAttribute('aria-invalid')).toBe('true');
    await link.fill('');
    expect(await dialog.getByLabel('Who is it for?').inputValue()).toBe('company');
    await alice.page.screenshot({ path: join(screenshotDir, 'events-dialog-desktop-en.png') });
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();

    await alice.page.waitForURL(/\/events\/[0-9a-f-]{36}/);
    const lunchUrl = alice.page.url();
    await alice.page.getByRole('heading', { level: 1, name: 'Lunch' }).waitFor();
    await alice.page.getByText('0 of 1 place taken').waitFor();
    await alice.page.getByText('12:00–13:00', { exact: false }).first().waitFor();

    // Bob sees it on Alice's profile (her events) and, company-wide, as a post in his home feed; he takes the place.
    const bob = await company.loggedIn(BOB, { timezoneId: 'Europe/Berlin' });
    await bob.page.goto(`${app.baseUrl}/people/${company.ids[ALICE.email]}`);
    await bob.page
      .getByRole('region', { name: `Events of ${ALICE.name}` })
      .getByRole('link', { name: 'Lunch' })
      .waitFor();
    await bob.page.goto(`${app.baseUrl}/`);
    const card = bob.page.locator('.event-feed-card').filter({ hasText: 'Lunch' });
    await card.waitFor();
    await card.getByText('0 going · 0 of 1 place').waitFor();
    await card.scrollIntoViewIfNeeded();
    await bob.page.screenshot({ path: join(screenshotDir, 'events-feed-card-desktop-en.png') });
    await card.getByRole('link', { name: 'Lunch' }).click();
    await bob.page.getByRole('heading', { level: 1, name: 'Lunch' }).waitFor();
    await bob.page.getByRole('button', { name: 'Going' }).click();
    await status(bob.page, "You're going.").waitFor();
    await bob.page.getByText('1 of 1 place taken').waitFor();

    // Clara (on a phone) is next: the waiting list, place 1.
    const clara = await company.loggedIn(CLARA, { viewport: viewports.phone, timezoneId: 'Europe/Berlin' });
    await clara.page.goto(lunchUrl);
    await clara.page.getByRole('heading', { level: 1, name: 'Lunch' }).waitFor();
    await clara.page.getByRole('button', { name: 'Going' }).click();
    await status(clara.page, 'Waiting list — place 1').waitFor();
    expect(await clara.page.getByRole('button', { name: 'Going' }).getAttribute('aria-pressed')).toBe('true');
    await clara.page.screenshot({ path: join(screenshotDir, 'events-waiting-phone-en.png'), fullPage: true });

    // The participants: Bob going, Clara on the waiting list (Alice's page updates live too).
    await alice.page.getByRole('tab', { name: /Waiting list/ }).click();
    await alice.page.getByRole('tabpanel').getByText(CLARA.name).waitFor({ timeout: 15_000 });
    await alice.page.getByRole('tab', { name: /Going/ }).click();
    await alice.page.getByRole('tabpanel').getByText(BOB.name).waitFor();

    // Bob can't go after all: Clara moves up — her open page shows it without a reload.
    await bob.page.getByRole('button', { name: "Can't go" }).click();
    await status(bob.page, "You can't go.").waitFor();
    await status(clara.page, "You're going.").waitFor({ timeout: 15_000 });
    await clara.page.getByText('1 of 1 place taken').waitFor();

    // …and her bell says so (the phone's bell is a link to the notifications page).
    await clara.page.getByRole('link', { name: /^Notifications, \d+ unread/ }).waitFor({ timeout: 15_000 });
    await clara.page.getByRole('link', { name: /^Notifications/ }).click();
    await clara.page.getByText('A place became free: you moved up from the waiting list and are now going').waitFor();

    // .ics: the download link answers with a calendar file.
    const href = await bob.page.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href');
    expect(href).toMatch(/\/api\/v1\/events\/.+\/ics/);
    const ics = await bob.page.request.get(`${app.baseUrl}${href}`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(await ics.text()).toContain('SUMMARY:Lunch');

    // The right column of the feed lists it among the next events.
    await alice.page.goto(`${app.baseUrl}/`);
    const upcoming = alice.page.getByRole('region', { name: 'Upcoming events' });
    await upcoming.getByRole('link', { name: 'Lunch' }).waitFor();

    // Bob subscribes to his calendar: the link serves his events as iCalendar; "Revoke" ends it.
    await bob.page.goto(`${app.baseUrl}/settings`);
    const feedCard = bob.page.getByRole('region', { name: 'Calendar subscription' });
    await feedCard.getByRole('button', { name: 'Create link' }).click();
    const feedUrl = await feedCard.getByLabel('Your personal calendar link').inputValue();
    expect(feedUrl).toMatch(/^http/);
    await feedCard.scrollIntoViewIfNeeded();
    await bob.page.screenshot({ path: join(screenshotDir, 'events-calendar-feed-desktop-en.png') });
    const subscribed = await bob.page.request.get(feedUrl);
    expect(subscribed.headers()['content-type']).toMatch(/^text\/calendar/);
    await feedCard.getByRole('button', { name: 'Revoke' }).click();
    await bob.page.getByRole('dialog', { name: 'Revoke the link?' }).getByRole('button', { name: 'Revoke' }).click();
    await feedCard.getByRole('button', { name: 'Create link' }).waitFor();
    expect((await bob.page.request.get(feedUrl)).status()).toBe(404);
    expect(await seriousViolations(bob.page)).toEqual([]);

    expect([...alice.problems, ...bob.problems, ...clara.problems]).toEqual([]);
    await Promise.all([alice.context.close(), bob.context.close(), clara.context.close()]);
  });

  it('time zones: 12:00 in Berlin shows 11:00 in London, with the event’s own time beside it', async () => {
    const { app } = company;
    const alice = await company.loggedIn(ALICE, { timezoneId: 'Europe/Berlin' });
    const date = addDays(berlinNow().date, 7);
    const event = (await apiAs(app, alice.page, 'POST', '/events', {
      title: 'Quarterly review',
      start: `${date}T12:00`,
      end: `${date}T13:00`,
      timeZone: 'Europe/Berlin',
      location: 'Room 4',
      audience: { kind: 'company' },
    })) as { id: string };
    await alice.page.goto(`${app.baseUrl}/events/${event.id}`);
    const when = alice.page.locator('.event-page__when');
    await expect.poll(() => when.textContent()).toMatch(/12:00–13:00/);
    expect(await alice.page.locator('.event-page__zone').count()).toBe(0);

    // Anna works from London: her laptop says so (she never chose a time zone in her settings).
    const anna = await company.loggedIn(ANNA, { timezoneId: 'Europe/London' });
    await anna.page.goto(`${app.baseUrl}/events/${event.id}`);
    const annaWhen = anna.page.locator('.event-page__when');
    await expect.poll(() => annaWhen.textContent()).toMatch(/11:00–12:00/);
    await anna.page.locator('.event-page__zone').filter({ hasText: '12:00–13:00 (Europe/Berlin)' }).waitFor();
    expect([...alice.problems, ...anna.problems]).toEqual([]);
    await Promise.all([alice.context.close(), anna.context.close()]);
  });

  it('a weekly lunch: one occurrence is cancelled from its page, the others stay', async () => {
    const { app } = company;
    const alice = await company.loggedIn(ALICE, { timezoneId: 'Europe/Berlin' });
    const date = addDays(berlinNow().date, 2);
    const lunch = (await apiAs(app, alice.page, 'POST', '/events', {
      title: 'Weekly lunch',
      start: `${date}T12:00`,
      end: `${date}T13:00`,
      timeZone: 'Europe/Berlin',
      location: 'Canteen',
      recurrence: 'FREQ=WEEKLY;COUNT=4',
      audience: { kind: 'company' },
    })) as { id: string };
    const occurrences = async () =>
      ((await apiAs(app, alice.page, 'GET', '/events?limit=100')) as { items: Array<{ id: string; occurrence: string }> }).items
        .filter((e) => e.id === lunch.id)
        .map((e) => e.occurrence);
    const before = await occurrences();
    expect(before).toHaveLength(4);
    await alice.page.goto(`${app.baseUrl}/events/${lunch.id}?occurrence=${encodeURIComponent(before[1] as string)}`);
    await alice.page.getByRole('button', { name: 'Cancel event' }).click();
    const dialog = alice.page.getByRole('dialog');
    await dialog.getByLabel('This occurrence').check();
    await dialog.getByRole('button', { name: 'Cancel event' }).click();
    await alice.page.getByText('This event has been cancelled.').waitFor();
    expect(await occurrences()).toEqual([before[0], before[2], before[3]]);
    // The next week's lunch still takes place.
    await alice.page.goto(`${app.baseUrl}/events/${lunch.id}?occurrence=${encodeURIComponent(before[2] as string)}`);
    await alice.page.getByRole('button', { name: 'Cancel event' }).waitFor();
    expect(await alice.page.getByText('This event has been cancelled.').count()).toBe(0);
    expect(alice.problems).toEqual([]);
    await alice.context.close();
  });

  it('list, calendar, event page and dialog: phone and desktop, German and English, no serious axe findings', async () => {
    const { app } = company;
    // Its own event (tests do not depend on each other): tomorrow's breakfast, six places, Clara going.
    const date = addDays(berlinNow().date, 1);
    const alice = await company.loggedIn(ALICE, { timezoneId: 'Europe/Berlin' });
    const breakfast = (await apiAs(app, alice.page, 'POST', '/events', {
      title: 'Team breakfast',
      description: 'Bring **something sweet**. We meet in the kitchen on the 2nd floor.',
      start: `${date}T09:00`,
      end: `${date}T10:00`,
      timeZone: 'Europe/Berlin',
      location: 'Kitchen, 2nd floor',
      capacity: 6,
      audience: { kind: 'company' },
    })) as { id: string };
    await alice.context.close();
    const name = 'Team breakfast';
    const words = {
      en: { title: 'Events', calendar: 'Calendar', create: 'Create event' },
      de: { title: 'Veranstaltungen', calendar: 'Kalender', create: 'Veranstaltung erstellen' },
    } as const;
    let answered = false;
    for (const lang of ['de', 'en'] as const) {
      for (const size of ['phone', 'desktop'] as const) {
        const w = words[lang];
        const session = await company.loggedIn(CLARA, { viewport: viewports[size], locale: lang === 'de' ? 'de-DE' : 'en-GB', timezoneId: 'Europe/Berlin' });
        const { page } = session;
        const shot = (file: string) => page.screenshot({ path: join(screenshotDir, `events-${file}-${size}-${lang}.png`), fullPage: true });
        if (!answered) {
          await apiAs(app, page, 'PUT', `/events/${breakfast.id}/rsvp`, { status: 'going' });
          answered = true;
        }

        await page.goto(`${app.baseUrl}/events`);
        await page.getByRole('heading', { level: 1, name: w.title }).waitFor();
        await page.locator('.event-row').filter({ hasText: name }).first().waitFor();
        await shot('list');
        expect(await seriousViolations(page), `${lang} ${size} list`).toEqual([]);

        await page.getByRole('link', { name: w.calendar, exact: true }).click();
        await page.locator('.calendar').waitFor();
        // Tomorrow may be in the next month already.
        await page.goto(`${app.baseUrl}/events?view=calendar&month=${date.slice(0, 7)}`);
        await page
          .locator(size === 'phone' ? '.calendar__agenda .event-row' : '.calendar__event')
          .filter({ hasText: name })
          .first()
          .waitFor();
        await shot('calendar');
        expect(await seriousViolations(page), `${lang} ${size} calendar`).toEqual([]);

        await page.goto(`${app.baseUrl}/events/${breakfast.id}`);
        await page.getByRole('heading', { level: 1, name }).waitFor();
        await page.locator('.participants').getByText(CLARA.name).waitFor();
        await shot('event');
        expect(await seriousViolations(page), `${lang} ${size} event page`).toEqual([]);

        await page.goto(`${app.baseUrl}/events`);
        await page.getByRole('button', { name: w.create }).click();
        await page.getByRole('dialog', { name: w.create }).waitFor();
        await page.screenshot({ path: join(screenshotDir, `events-dialog-${size}-${lang}.png`) });
        expect(await seriousViolations(page), `${lang} ${size} dialog`).toEqual([]);

        expect(session.problems).toEqual([]);
        await session.context.close();
      }
    }
  });
});
