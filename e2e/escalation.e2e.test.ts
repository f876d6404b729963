/**
 * The escalation directory in the browser: Anna (admin) creates "Customer complaint on social media" through the
 * form (Mon–Fri 08:00–17:00 in Berlin, Alice responsible, Bob on call after hours, a chain of two levels); the
 * server's 400 shows at the field it names. Clara finds the topic from the top-bar search and sees the person to
 * contact right now (Alice in business hours, Bob after them); she escalates urgently, the contact's open page
 * shows the red banner, the contact acknowledges, and Clara's dialog turns to "Acknowledged" without a reload.
 * axe scans of the directory and the topic page; screenshots (phone + desktop, German + English, dark) to
 * /tmp/shots/escalation-*.png; the print stylesheet hides the app's frame.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ALICE, apiAs, BOB, CLARA, type Person, seriousViolations, setupCompany, viewports } from './harness.ts';

const ANNA = { email: 'anna@acme.test', password: 'anna-password-1' };
const TOPIC = 'Customer complaint on social media';
const SHOTS = '/tmp/shots';
const company = setupCompany({ colleagues: [ALICE, BOB, CLARA] });

/** Who must be the contact now for Mon–Fri 08:00–17:00 Europe/Berlin with Bob on call (null: too close to a boundary to say). */
function expectedContact(): { person: Person; status: string } | null {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const minutes = Number(get('hour')) * 60 + Number(get('minute'));
  const weekday = !['Sat', 'Sun'].includes(get('weekday'));
  // Within two minutes of opening or closing the answer may change while the test runs.
  if (weekday && (Math.abs(minutes - 8 * 60) <= 2 || Math.abs(minutes - 17 * 60) <= 2)) return null;
  if (!weekday && get('weekday') === 'Mon' && minutes <= 2) return null;
  return weekday && minutes >= 8 * 60 && minutes < 17 * 60 ? { person: ALICE, status: 'In business hours' } : { person: BOB, status: 'After hours – on call' };
}

async function pick(page: Page, label: string, name: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: label }).fill(name.split(' ')[0] ?? name);
  await dialog.getByRole('option', { name: new RegExp(name) }).click();
}

/** The topic of the first test, made through the API when a test runs on its own (`-t`). */
async function ensureTopic(page: Page): Promise<void> {
  const { app, ids } = company;
  const found = (await apiAs(app, page, 'GET', `/escalation/topics?q=${encodeURIComponent('social media')}`)) as { items: unknown[] };
  if (found.items.length) return;
  await apiAs(app, page, 'PATCH', `/users/${ids[ALICE.email]}`, { phone: '+49 30 1234-100' });
  await apiAs(app, page, 'PATCH', `/users/${ids[BOB.email]}`, { phone: '+49 30 1234-200' });
  const day = [{ start: '08:00', end: '17:00' }];
  await apiAs(app, page, 'POST', '/escalation/topics', {
    title: TOPIC,
    description: 'Angry posts, comments or reviews about us on Facebook, Instagram, X or LinkedIn.',
    keywords: ['Shitstorm', 'complaint', 'Facebook'],
    responsibleId: ids[ALICE.email],
    deputyId: ids[CLARA.email],
    timeZone: 'Europe/Berlin',
    businessHours: { mon: day, tue: day, wed: day, thu: day, fri: day },
    chain: [
      { userId: ids[ALICE.email], condition: 'Any public complaint' },
      { userId: ids[CLARA.email], condition: 'Threat of legal action or no answer within 30 min' },
    ],
    outOfHours: { kind: 'on_call', userId: ids[BOB.email] },
  });
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `escalation-${name}.png`), fullPage });
}

describe('escalation directory', () => {
  it('an admin creates a topic; an employee finds it from the top bar, escalates urgently; the contact acknowledges and the raiser sees it live', async () => {
    const { app, ids } = company;
    await mkdir(SHOTS, { recursive: true });
    const anna = await company.loggedIn(ANNA, { timezoneId: 'Europe/Berlin' });
    await apiAs(app, anna.page, 'PATCH', `/users/${ids[ALICE.email]}`, { phone: '+49 30 1234-100' });
    await apiAs(app, anna.page, 'PATCH', `/users/${ids[BOB.email]}`, { phone: '+49 30 1234-200' });

    // Anna: the left navigation leads to the directory; it is empty.
    await anna.page.goto(`${app.baseUrl}/`);
    await anna.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Who do I turn to?' }).click();
    await anna.page.getByRole('heading', { level: 1, name: 'Who do I turn to?' }).waitFor();
    await anna.page.getByText('No topics yet.').waitFor();

    await anna.page.getByRole('button', { name: 'New topic' }).click();
    const dialog = anna.page.getByRole('dialog', { name: 'New topic of responsibility' });
    await dialog.waitFor();
    // A title of blanks passes the browser but not the server: its 400 names the field, shown there.
    await dialog.getByLabel('Topic', { exact: true }).fill('   ');
    await pick(anna.page, 'Responsible person', ALICE.name);
    await dialog.getByRole('button', { name: 'Create topic' }).click();
    await expect.poll(() => dialog.getByLabel('Topic', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await dialog.getByLabel('Topic', { exact: true }).fill(TOPIC);
    await dialog.getByLabel('Description').fill('Angry posts, comments or reviews about us on Facebook, Instagram, X or LinkedIn.');
    await dialog.getByLabel('Search words').fill('Shitstorm, complaint, Facebook');
    await pick(anna.page, 'Deputy (optional)', CLARA.name);
    await dialog.getByLabel('Time zone of the business hours').selectOption('Europe/Berlin');
    await dialog.getByRole('button', { name: 'Mon–Fri 08:00–17:00' }).click();
    expect(await dialog.getByLabel('Saturday from').count()).toBe(0);
    expect(await dialog.getByLabel('Monday from').inputValue()).toBe('08:00');
    await dialog.getByRole('radio', { name: 'An on-call person' }).check();
    await pick(anna.page, 'On-call person', BOB.name);
    await dialog.getByRole('button', { name: 'Add level' }).click();
    await pick(anna.page, 'Person at level 1', ALICE.name);
    await dialog.getByLabel('When to escalate to level 1').fill('Any public complaint');
    await dialog.getByRole('button', { name: 'Add level' }).click();
    await pick(anna.page, 'Person at level 2', CLARA.name);
    await dialog.getByLabel('When to escalate to level 2').fill('Threat of legal action or no answer within 30 min');
    await shot(anna.page, 'form-desktop-en', false);
    await dialog.getByRole('button', { name: 'Create topic' }).click();

    await anna.page.waitForURL(/\/escalation\/topics\/[0-9a-f-]{36}$/);
    const topicUrl = anna.page.url();
    await anna.page.getByRole('heading', { level: 1, name: TOPIC }).waitFor();
    const versions = anna.page.getByRole('region', { name: 'Version history' });
    await versions.getByText('created the topic').waitFor();
    await versions.getByText('Anna Admin').waitFor();
    const chain = anna.page.getByRole('region', { name: 'Escalation chain' });
    await chain.getByText('Threat of legal action or no answer within 30 min').waitFor();

    // Clara: types into the top bar's search and picks the topic.
    const expected = expectedContact();
    const clara = await company.loggedIn(CLARA, { timezoneId: 'Europe/Berlin' });
    await clara.page.goto(`${app.baseUrl}/`);
    await clara.page.getByRole('combobox', { name: 'Search people and responsibilities' }).fill('complaint');
    const option = clara.page.getByRole('option', { name: new RegExp(`Responsibility: ${TOPIC}`) });
    await option.waitFor();
    if (expected) expect(await option.textContent()).toContain(`Contact now: ${expected.person.name}`);
    await shot(clara.page, 'top-search-desktop-en', false);
    await option.click();
    await clara.page.waitForURL(topicUrl);
    await clara.page.getByRole('heading', { level: 1, name: TOPIC }).waitFor();

    const now = clara.page.getByRole('region', { name: 'Contact right now' }).first();
    if (expected) {
      await now.getByText(expected.status, { exact: true }).first().waitFor();
      await now.getByRole('link', { name: expected.person.name }).first().waitFor();
      const phone = expected.person === ALICE ? '+49 30 1234-100' : '+49 30 1234-200';
      expect(await now.getByRole('link', { name: phone }).first().getAttribute('href')).toBe(`tel:${phone.replace(/[^\d+]/g, '')}`);
    }
    // "Message" opens the chat with the contact the way profiles do (a docked window on a wide screen).
    if (expected) {
      await now
        .getByRole('button', { name: `Message to ${expected.person.name}` })
        .first()
        .click();
      await clara.page.getByRole('region', { name: `Chat with ${expected.person.name}` }).waitFor();
    }
    // Editing is for admins and directory editors only.
    expect(await clara.page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await seriousViolations(clara.page)).toEqual([]);
    await shot(clara.page, 'topic-desktop-en');

    // The contact has the app open (the contact is Alice in business hours, else Bob).
    const contactPerson = expected?.person ?? ALICE;
    const contact = await company.loggedIn(contactPerson, { timezoneId: 'Europe/Berlin' });
    await contact.page.goto(`${app.baseUrl}/`);
    await contact.page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

    // Clara escalates urgently.
    await clara.page.getByRole('button', { name: 'Escalate urgently' }).click();
    const escalate = clara.page.getByRole('dialog', { name: `Escalate urgently: ${TOPIC}` });
    await escalate.getByLabel('What happened?').fill('A customer threatens on Facebook to go to the press about a broken delivery.');
    await escalate.getByRole('button', { name: 'Escalate now' }).click();
    await escalate.getByText('Waiting for acknowledgement').first().waitFor();
    await escalate.getByText(/raised the escalation/).waitFor();
    await shot(clara.page, 'escalate-dialog-desktop-en', false);

    // The contact's open page shows the urgent banner without a reload, and acknowledges from it.
    const banner = contact.page.getByRole('region', { name: `Urgent escalation: ${TOPIC}` });
    await banner.waitFor({ timeout: 20_000 });
    await banner.getByText('A customer threatens on Facebook').waitFor();
    if (expected) {
      const whoIsIt = contactPerson === ALICE ? BOB : ALICE;
      // Nobody else is told: the other person's app shows no banner.
      const other = await company.loggedIn(whoIsIt, { timezoneId: 'Europe/Berlin' });
      await other.page.goto(`${app.baseUrl}/notifications`);
      await other.page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await other.page.getByRole('region', { name: `Urgent escalation: ${TOPIC}` }).count()).toBe(0);
      await other.context.close();
    }
    await shot(contact.page, 'banner-desktop-en', false);
    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await banner.waitFor({ state: 'detached' });

    // Clara's dialog turns to "Acknowledged" live, with the step logged.
    await escalate.getByText('Acknowledged', { exact: true }).waitFor({ timeout: 20_000 });
    await escalate.getByText(`${contactPerson.name} acknowledged`, { exact: true }).waitFor();
    await shot(clara.page, 'acknowledged-desktop-en', false);

    // The contact's notification row reads well (urgent label, the sentence, the topic).
    await contact.page.goto(`${app.baseUrl}/notifications`);
    const row = contact.page.locator('.notification--urgent').first();
    await row.getByText('Urgent').waitFor();
    await row.getByText('escalated an urgent matter to you').waitFor();
    expect(await row.locator('a').getAttribute('href')).toMatch(/^\/escalations\/[0-9a-f-]{36}$/);
    await shot(contact.page, 'notifications-desktop-en', false);
    await row.locator('a').click();
    await contact.page.getByRole('heading', { level: 1, name: 'Urgent escalation' }).waitFor();
    await contact.page.getByText('Acknowledged', { exact: true }).first().waitFor();

    expect([...anna.problems, ...clara.problems, ...contact.problems]).toEqual([]);
    await anna.context.close();
    await clara.context.close();
    await contact.context.close();
  });

  it('admin tools: a holiday today makes it after hours (live on an open page), an appointed editor edits, the history and the CSV show it', async () => {
    const { app } = company;
    const anna = await company.loggedIn(ANNA, { timezoneId: 'Europe/Berlin' });
    await ensureTopic(anna.page);
    const clara = await company.loggedIn(CLARA, { timezoneId: 'Europe/Berlin' });
    await clara.page.goto(`${app.baseUrl}/escalation`);
    await clara.page.getByRole('link', { name: TOPIC, exact: true }).click();
    await clara.page.getByRole('heading', { level: 1, name: TOPIC }).waitFor();
    // Employees have no settings link.
    await clara.page.goto(`${app.baseUrl}/escalation`);
    await clara.page.getByRole('link', { name: TOPIC, exact: true }).waitFor();
    expect(await clara.page.getByRole('link', { name: 'Holidays and editors' }).count()).toBe(0);
    expect(await clara.page.getByRole('button', { name: 'New topic' }).count()).toBe(0);

    // Anna: today (in Berlin) is a company holiday.
    await anna.page.goto(`${app.baseUrl}/escalation`);
    await anna.page.getByRole('link', { name: 'Holidays and editors' }).click();
    await anna.page.getByRole('heading', { level: 1, name: 'Directory settings' }).waitFor();
    const holidays = anna.page.getByRole('region', { name: 'Company holidays' });
    await holidays.getByText('No holidays set.').waitFor();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    await holidays.getByLabel('Date', { exact: true }).fill(today);
    await holidays.getByLabel('Name', { exact: true }).fill('Company day');
    await holidays.getByRole('button', { name: 'Add', exact: true }).click();
    await holidays.getByRole('button', { name: 'Remove Company day' }).waitFor();
    await holidays.getByRole('button', { name: 'Save holidays' }).click();
    await holidays.getByText('Saved.').waitFor();

    // Bob becomes a directory editor.
    const editors = anna.page.getByRole('region', { name: 'Directory editors' });
    await editors.getByRole('combobox', { name: 'Add an editor' }).fill('Bob');
    await editors.getByRole('option', { name: new RegExp(BOB.name) }).click();
    await editors.getByRole('list').getByText(BOB.name).waitFor();
    await shot(anna.page, 'settings-desktop-en');

    // Clara's open directory page: the holiday applies at once — after hours all day, Bob on call.
    const card = clara.page.getByRole('article', { name: TOPIC });
    await card.getByText('Holiday: Company day', { exact: false }).waitFor({ timeout: 20_000 });
    await card.getByText('After hours – on call', { exact: false }).waitFor();
    await card.getByRole('link', { name: BOB.name, exact: true }).waitFor();

    // Bob, now an editor, changes the deputy: the version history names him and the field.
    const bob = await company.loggedIn(BOB, { timezoneId: 'Europe/Berlin' });
    await bob.page.goto(clara.page.url());
    await bob.page.getByRole('link', { name: TOPIC, exact: true }).click();
    await bob.page.getByRole('button', { name: 'Edit' }).click();
    const dialog = bob.page.getByRole('dialog', { name: 'Edit topic' });
    expect(await dialog.getByLabel('Topic', { exact: true }).inputValue()).toBe(TOPIC);
    await dialog
      .getByRole('button', { name: `Remove ${CLARA.name}` })
      .first()
      .click();
    await pick(bob.page, 'Deputy (optional)', 'Anna Admin');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const versions = bob.page.getByRole('region', { name: 'Version history' });
    await versions.getByText('changed deputy').waitFor();
    await versions.getByText('Version 2').waitFor();
    await versions.getByText('Show changes').first().click();
    await versions.getByText(CLARA.name).first().waitFor();
    await bob.page.getByRole('region', { name: 'Contact right now' }).first().getByText('Anna Admin').first().waitFor();
    await shot(bob.page, 'topic-edited-desktop-en');

    // Archived, the topic leaves the directory (Clara's search finds nothing); restored, it is back.
    const topicUrl = bob.page.url();
    await bob.page.getByRole('button', { name: 'Archive', exact: true }).click();
    await bob.page.getByRole('dialog', { name: 'Archive this topic?' }).getByRole('button', { name: 'Archive', exact: true }).click();
    await bob.page.getByText('This topic is archived').waitFor();
    await clara.page.goto(`${app.baseUrl}/escalation?q=shitstorm`);
    await clara.page.getByText('No topic matches “shitstorm”.').waitFor();
    await bob.page.goto(topicUrl);
    await bob.page.getByRole('button', { name: 'Restore', exact: true }).click();
    await bob.page.getByRole('dialog', { name: 'Restore this topic?' }).getByRole('button', { name: 'Restore', exact: true }).click();
    await bob.page.getByRole('button', { name: 'Escalate urgently' }).waitFor();
    await versions.getByText('restored the topic').waitFor();
    await versions.getByText('archived the topic').waitFor();
    await clara.page.reload();
    await clara.page.getByRole('link', { name: TOPIC, exact: true }).waitFor();

    // The CSV export: one row per topic with the people.
    const href = await anna.page.goto(`${app.baseUrl}/escalation`).then(() => anna.page.getByRole('link', { name: 'Export CSV' }).getAttribute('href'));
    expect(href).toBe('/api/v1/escalation/export.csv');
    const csv = await anna.page.request.get(`${app.baseUrl}${href}`);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text).toContain(TOPIC);
    expect(text).toContain(ALICE.name);

    // Back to normal for the screenshots that follow: no holiday.
    await anna.page.goto(`${app.baseUrl}/escalation/settings`);
    await holidays.getByRole('button', { name: 'Remove Company day' }).click();
    await holidays.getByRole('button', { name: 'Save holidays' }).click();
    await holidays.getByText('Saved.').waitFor();

    expect([...anna.problems, ...clara.problems, ...bob.problems]).toEqual([]);
    await anna.context.close();
    await clara.context.close();
    await bob.context.close();
  });

  it('directory and topic pages: phone and desktop, German and English, dark, axe, print', async () => {
    const { app } = company;
    const anna = await company.loggedIn(ANNA);
    await ensureTopic(anna.page);
    await anna.context.close();
    // Clara's list of her escalations ("Deine Eskalationen") is not empty.
    const raiser = await company.loggedIn(CLARA);
    const mine = (await apiAs(app, raiser.page, 'GET', '/escalations?scope=mine')) as { items: unknown[] };
    if (!mine.items.length) {
      const topics = (await apiAs(app, raiser.page, 'GET', '/escalation/topics')) as { items: { id: string }[] };
      await apiAs(app, raiser.page, 'POST', `/escalation/topics/${topics.items[0]?.id}/escalations`, { message: 'Please call me back.' });
    }
    await raiser.context.close();
    for (const lang of ['en', 'de'] as const) {
      for (const size of ['desktop', 'phone'] as const) {
        const session = await company.loggedIn(CLARA, {
          viewport: viewports[size],
          locale: lang === 'de' ? 'de-DE' : 'en-GB',
          timezoneId: 'Europe/Berlin',
          colorScheme: lang === 'de' && size === 'desktop' ? 'dark' : 'light',
        });
        const { page } = session;
        const title = lang === 'de' ? 'Wer ist zuständig?' : 'Who do I turn to?';
        await page.goto(`${app.baseUrl}/`);
        if (size === 'phone') {
          // Phones: the directory is in the account menu (the bottom bar keeps its four tabs).
          await page.locator('.bottom-tabs').waitFor();
          expect(await page.locator('.bottom-tabs li').count()).toBe(4);
          await page.getByRole('button', { name: /Account menu|Kontomenü/ }).click();
          await page.getByRole('link', { name: title }).click();
        } else {
          await page
            .getByRole('navigation', { name: lang === 'de' ? 'Hauptmenü' : 'Main' })
            .getByRole('link', { name: title })
            .click();
        }
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page.getByRole('link', { name: TOPIC, exact: true }).waitFor();
        await page.getByLabel(lang === 'de' ? 'Wer ist zuständig für …?' : 'Who is responsible for …?').fill('shitstorm');
        await page.waitForURL(/q=shitstorm/);
        await page.getByRole('link', { name: TOPIC, exact: true }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewports[size].width);
        expect(await seriousViolations(page), `${lang} ${size} directory`).toEqual([]);
        await shot(page, `directory-${size}-${lang}`);

        await page.getByRole('link', { name: TOPIC, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: TOPIC }).waitFor();
        await page
          .getByRole('region', { name: lang === 'de' ? 'Versionsverlauf' : 'Version history' })
          .locator('strong', { hasText: 'Anna Admin' })
          .last()
          .waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewports[size].width);
        expect(await seriousViolations(page), `${lang} ${size} topic`).toEqual([]);
        await shot(page, `topic-${size}-${lang}`);

        // The "Escalate urgently" dialog: focus in the message field, no axe findings; Escape closes it unsent.
        await page.getByRole('button', { name: lang === 'de' ? 'Dringend eskalieren' : 'Escalate urgently' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        const message = dialog.getByLabel(lang === 'de' ? 'Was ist passiert?' : 'What happened?');
        await expect.poll(() => message.evaluate((el) => el === document.activeElement)).toBe(true);
        expect(await seriousViolations(page), `${lang} ${size} escalate dialog`).toEqual([]);
        await shot(page, `escalate-dialog-${size}-${lang}`, false);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });

        if (lang === 'de' && size === 'desktop') {
          // The escalation's own page in German, and the print view of the directory (no app frame, the table).
          await page.goto(`${app.baseUrl}/escalation`);
          await page.getByRole('heading', { level: 2, name: 'Deine Eskalationen' }).waitFor();
          await page.emulateMedia({ media: 'print' });
          expect(await page.locator('.top-bar').isVisible()).toBe(false);
          expect(await page.locator('.left-nav').isVisible()).toBe(false);
          await page.locator('.esc-print-table').getByRole('rowheader', { name: TOPIC }).waitFor();
          await shot(page, 'print-de');
          await page.emulateMedia({ media: 'screen' });
          expect(await page.locator('.esc-print-table').isVisible()).toBe(false);
        }
        expect(session.problems).toEqual([]);
        await session.context.close();
      }
    }
  });
});
