/**
 * Role-play workshops in the browser with three contexts: Alice facilitates "The angry customer on the brand page",
 * Bob plays the customer and Clara the social media team. Alice creates the session from the library (people
 * picker, roles by hand) and starts it; each participant sees only their own secret briefing (the other role's
 * marker text is absent); Bob comments on the practice stage, Clara replies (both seen live by the others);
 * Alice sends a free inject that sets the simulated clock to Saturday 22:00; Clara escalates in the exercise;
 * Alice ends, scores both roles, Bob assesses himself, and the report shows the figures; then "Swap roles & play
 * again" rotates the roles. axe scans of the stage and the report; screenshots (phone + desktop, German + English)
 * to /tmp/shots/workshops-*.png.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ALICE, apiAs, BOB, CLARA, seriousViolations, setupCompany, viewports } from './harness.ts';

const ANNA = { email: 'anna@acme.test', password: 'anna-password-1' };
const SHOTS = '/tmp/shots';
const SCENARIO = 'The angry customer on the brand page';
/** Secret-briefing markers: only in the customer's briefing, and only in the team's. */
const CUSTOMER_SECRET = 'BW-48213';
const TEAM_SECRET = 'known fault in the water-tank valve';
const company = setupCompany({ colleagues: [ALICE, BOB, CLARA] });
let firstSessionUrl = '';

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  // Sticky bars stay where the page was scrolled to: shoot from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `workshops-${name}.png`), fullPage });
}

describe('role-play workshops', () => {
  it('runs a complete workshop: briefings stay secret, the stage is live, inject, exercise escalation, scoring, report, role swap', async () => {
    const { app, ids } = company;
    await mkdir(SHOTS, { recursive: true });
    // The escalation directory has the topic the scenario expects (Anna is the admin).
    const anna = await company.loggedIn(ANNA);
    const office = [{ start: '08:00', end: '17:00' }];
    await apiAs(app, anna.page, 'POST', '/escalation/topics', {
      title: 'Customer complaint on social media',
      responsibleId: ids[ALICE.email],
      timeZone: 'Europe/Berlin',
      businessHours: { mon: office, tue: office, wed: office, thu: office, fri: office },
      chain: [{ userId: ids[ALICE.email], condition: 'Any public complaint' }],
      outOfHours: { kind: 'next_business_day' },
    });
    await anna.context.close();

    // Alice: left navigation → the workshops page → "New session" from the built-in scenario.
    const alice = await company.loggedIn(ALICE, { timezoneId: 'Europe/Berlin' });
    await alice.page.goto(`${app.baseUrl}/`);
    await alice.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Role-play workshops' }).click();
    await alice.page.getByRole('heading', { level: 1, name: 'Role-play workshops' }).waitFor();
    await alice.page.getByText('No sessions yet.').waitFor();
    await alice.page.getByRole('heading', { level: 3, name: SCENARIO }).first().waitFor();
    // A copy of the built-in becomes "Mine", and can be shared with the other facilitators.
    await alice.page.getByRole('button', { name: `Copy to my scenarios: ${SCENARIO}` }).click();
    await alice.page.getByText('Copied – your copy is in the library').waitFor();
    const mine = alice.page.getByRole('listitem').filter({ has: alice.page.getByText('Mine', { exact: true }) });
    await mine.getByRole('heading', { name: SCENARIO }).waitFor();
    await mine.getByRole('button', { name: 'Shared with colleagues' }).click();
    const shared = alice.page.getByRole('listitem').filter({ has: alice.page.getByText('Shared', { exact: true }) });
    expect(await shared.getByRole('button', { name: 'Shared with colleagues' }).getAttribute('aria-pressed')).toBe('true');
    await shot(alice.page, 'library-desktop-en');
    await alice.page
      .getByRole('button', { name: `New session: ${SCENARIO}` })
      .first()
      .click();
    const dialog = alice.page.getByRole('dialog', { name: `New session: ${SCENARIO}` });
    await dialog.waitFor();
    for (const person of [BOB, CLARA]) {
      await dialog.getByRole('combobox', { name: 'Participants' }).fill(person.name.split(' ')[0] as string);
      await dialog.getByRole('option', { name: new RegExp(person.name) }).click();
    }
    await dialog.getByLabel(`Role of ${BOB.name}`).selectOption({ label: 'Customer' });
    await dialog.getByLabel(`Role of ${CLARA.name}`).selectOption({ label: 'Social media team' });
    await dialog.getByRole('button', { name: 'Create session' }).click();
    await alice.page.waitForURL(/\/workshops\/sessions\/[0-9a-f-]{36}$/);
    firstSessionUrl = alice.page.url();
    await alice.page.getByRole('heading', { level: 1, name: SCENARIO }).waitFor();
    await alice.page.getByRole('note', { name: 'Simulation notice' }).waitFor();
    // The facilitator reads every briefing, one tab per role.
    await alice.page.getByRole('tab', { name: 'Customer' }).click();
    await alice.page.getByText(CUSTOMER_SECRET).first().waitFor();
    await alice.page.getByRole('tab', { name: 'Social media team' }).click();
    await alice.page.getByText(TEAM_SECRET).first().waitFor();
    await alice.page.getByRole('button', { name: 'Start', exact: true }).click();
    await alice.page.getByText('Running', { exact: true }).first().waitFor();

    // Bob and Clara open the session; each sees only their own briefing.
    const bob = await company.loggedIn(BOB, { timezoneId: 'Europe/Berlin' });
    const clara = await company.loggedIn(CLARA, { timezoneId: 'Europe/Berlin' });
    for (const [session, own, other] of [
      [bob, CUSTOMER_SECRET, TEAM_SECRET],
      [clara, TEAM_SECRET, CUSTOMER_SECRET],
    ] as const) {
      await session.page.goto(firstSessionUrl);
      await session.page.getByRole('heading', { name: 'My secret briefing' }).waitFor();
      await session.page.getByRole('note', { name: 'Simulation notice' }).getByText('Simulation').waitFor();
      await session.page.getByText(own).first().waitFor();
      expect(await session.page.content()).not.toContain(other);
    }

    // Bob comments on the stage as the customer; Clara and Alice see it without a reload.
    const complaint = 'My Pro 3 leaked AGAIN. Nobody answers your hotline!';
    await bob.page.getByText('You are:').first().waitFor();
    await bob.page.getByLabel('Write a public comment as Customer').fill(complaint);
    await bob.page.getByRole('button', { name: 'Comment', exact: true }).click();
    await clara.page.getByText(complaint, { exact: true }).waitFor({ timeout: 20_000 });
    await alice.page.getByText(complaint, { exact: true }).waitFor({ timeout: 20_000 });

    // Clara replies as the brand; Bob sees it live.
    const answer = 'I am so sorry, Thomas – I will take care of it personally. Please send me a direct message.';
    await clara.page.getByRole('button', { name: 'Reply to Customer' }).click();
    await clara.page.getByLabel('Reply to Customer as Social media team').fill(answer);
    await clara.page.getByRole('button', { name: 'Reply', exact: true }).click();
    await bob.page.getByText(answer, { exact: true }).waitFor({ timeout: 20_000 });
    await alice.page.getByText(answer, { exact: true }).waitFor({ timeout: 20_000 });

    // Alice: a free inject that sets the simulated clock to Saturday 22:00.
    const inject = 'The customer has just posted a video of the puddle.';
    await alice.page.getByLabel('Inject text').fill(inject);
    await alice.page.getByLabel('Set the simulated clock').check();
    await alice.page.getByLabel('Weekday').selectOption('6');
    await alice.page.getByLabel('Time', { exact: true }).fill('22:00');
    await alice.page.getByRole('button', { name: 'Send free inject' }).click();
    await alice.page.getByText('Inject sent.').waitFor();
    for (const session of [bob, clara]) {
      await session.page.getByRole('region', { name: 'Exercise log' }).getByText(inject, { exact: true }).waitFor({ timeout: 20_000 });
      await session.page
        .getByText(/Sat(urday)? 22:0\d/)
        .first()
        .waitFor({ timeout: 20_000 });
    }

    // Clara escalates in the exercise.
    await clara.page.getByRole('button', { name: 'Escalate (exercise)' }).click();
    const escalate = clara.page.getByRole('dialog', { name: 'Escalate in the exercise' });
    await escalate.getByText('nobody real is alerted').waitFor();
    await escalate.getByLabel('Topic of responsibility').selectOption({ label: 'Customer complaint on social media' });
    await escalate.getByLabel('Note').fill('Video threat – the complaints team must decide tonight.');
    await escalate.getByRole('button', { name: 'Escalate (exercise)' }).click();
    await clara.page.getByText('Escalation recorded in the exercise').waitFor();
    await alice.page
      .getByRole('region', { name: 'Exercise log' })
      .getByText(/Social media team escalated \(exercise\)/)
      .waitFor({ timeout: 20_000 });

    expect(await seriousViolations(bob.page)).toEqual([]);
    await shot(bob.page, 'stage-desktop-en');
    await shot(alice.page, 'facilitator-desktop-en');
    await bob.page.setViewportSize(viewports.phone);
    await bob.page.getByRole('note', { name: 'Simulation notice' }).waitFor();
    await shot(bob.page, 'stage-phone-en-top', false);
    await shot(bob.page, 'stage-phone-en');
    await bob.page.setViewportSize(viewports.desktop);

    // Alice ends the session and scores both roles.
    await alice.page.getByRole('button', { name: 'End session' }).click();
    await alice.page.getByRole('button', { name: 'End now' }).click();
    const report = alice.page.getByRole('region', { name: 'Report' });
    await report.waitFor({ timeout: 20_000 });
    for (const [role, value] of [
      ['Customer', '3'],
      ['Social media team', '4'],
    ] as const) {
      const form = alice.page.getByRole('form', { name: `Role: ${role}` });
      const radios = form.locator(`input[type="radio"][value="${value}"]`);
      await radios.first().waitFor();
      const n = await radios.count();
      expect(n).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) await radios.nth(i).check();
      await form.getByRole('button', { name: `Save scores for ${role}` }).click();
      await form.getByText('Scores saved.').waitFor();
    }
    const teamRow = report.getByRole('row', { name: /Social media team/ }).first();
    await expect.poll(() => teamRow.textContent(), { timeout: 10_000 }).toContain('4.0');
    await report.getByText('Response times').waitFor();
    // The exercise escalation was judged against the scenario's expected topic.
    await report.getByText('right choice').waitFor();
    // Alice comments on Clara's answer in the transcript; the report lists the comment.
    await alice.page.getByRole('button', { name: 'Comment on this message' }).nth(1).click();
    await alice.page.getByLabel('Your comment on this message').fill('Good: personal and moves to direct messages.');
    await alice.page.getByRole('button', { name: 'Save comment' }).click();
    await report.getByText('Good: personal and moves to direct messages.').waitFor();
    // The report names the comment's author, the facilitator (who is not one of the participants).
    expect(await report.locator('li', { hasText: 'Good: personal and moves to direct messages.' }).first().textContent()).toContain(ALICE.name);
    await report
      .getByText(/1 of 1/)
      .first()
      .waitFor();

    // Bob sees the transcript with the response time, and assesses himself.
    await bob.page.getByRole('region', { name: 'Report' }).waitFor({ timeout: 20_000 });
    await bob.page
      .getByText(/answered after .* by Social media team/)
      .first()
      .waitFor();
    const self = bob.page.getByRole('form', { name: 'How did you do as Customer?' });
    const selfRadios = self.locator('input[type="radio"][value="5"]');
    await selfRadios.first().waitFor();
    for (let i = 0; i < (await selfRadios.count()); i++) await selfRadios.nth(i).check();
    await self.getByRole('button', { name: 'Save scores for Customer' }).click();
    await self.getByText('Scores saved.').waitFor();
    // Bob sees his own role's scores, not Clara's.
    const bobReport = bob.page.getByRole('region', { name: 'Report' });
    await expect
      .poll(() =>
        bobReport
          .getByRole('row', { name: /Social media team/ })
          .first()
          .textContent(),
      )
      .toContain('private');

    expect(await seriousViolations(alice.page)).toEqual([]);
    await shot(alice.page, 'report-desktop-en');
    await report.screenshot({ path: join(SHOTS, 'workshops-report-card-desktop-en.png') });
    // On paper: the report without the app's frame, the stage or the controls.
    await alice.page.emulateMedia({ media: 'print' });
    expect(await report.isVisible()).toBe(true);
    expect(await alice.page.getByRole('region', { name: 'Practice stage (simulated brand page)' }).isVisible()).toBe(false);
    expect(await alice.page.locator('.left-nav').isVisible()).toBe(false);
    expect(await alice.page.getByRole('button', { name: 'Print / PDF' }).isVisible()).toBe(false);
    await alice.page.emulateMedia({ media: 'screen' });

    // Swap roles & play again: a new draft round with Bob and Clara swapped.
    await alice.page.getByRole('button', { name: 'Swap roles & play again' }).click();
    await alice.page.waitForURL((url) => /\/workshops\/sessions\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== firstSessionUrl);
    await alice.page.getByText('Round 2').first().waitFor();
    const people = alice.page.getByRole('region', { name: 'Participants and roles' });
    await people.getByText(`${BOB.name} · Social media team`).waitFor();
    await people.getByText(`${CLARA.name} · Customer`).waitFor();

    expect([...alice.problems, ...bob.problems, ...clara.problems]).toEqual([]);
    for (const s of [alice, bob, clara]) await s.context.close();
  });

  it('the session page on phones and desktops, in German and English: the simulation banner is always there', async () => {
    expect(firstSessionUrl).not.toBe('');
    for (const lang of ['en', 'de'] as const) {
      for (const size of ['desktop', 'phone'] as const) {
        const session = await company.loggedIn(BOB, {
          viewport: viewports[size],
          locale: lang === 'de' ? 'de-DE' : 'en-GB',
          timezoneId: 'Europe/Berlin',
          colorScheme: lang === 'de' && size === 'desktop' ? 'dark' : 'light',
        });
        const { page } = session;
        await page.goto(firstSessionUrl);
        const banner = page.getByRole('note', { name: lang === 'de' ? 'Hinweis: Simulation' : 'Simulation notice' });
        await banner.waitFor();
        expect(await banner.isVisible()).toBe(true);
        await page.getByRole('heading', { name: lang === 'de' ? 'Bericht' : 'Report' }).waitFor();
        await page.getByRole('region', { name: lang === 'de' ? 'Übungsbühne (simulierte Markenseite)' : 'Practice stage (simulated brand page)' }).waitFor();
        // Scrolled down, the banner stays on screen (sticky).
        await page.mouse.wheel(0, 2000);
        await expect.poll(async () => (await banner.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
        expect(await seriousViolations(page)).toEqual([]);
        await page.mouse.wheel(0, -5000);
        await shot(page, `session-${size}-${lang}`);
        await shot(page, `session-${size}-${lang}-top`, false);
        if (size === 'phone') {
          // Phones: the workshops are in the account menu.
          await page.getByRole('button', { name: /Account menu|Kontomenü/ }).click();
          await page.getByRole('link', { name: lang === 'de' ? 'Rollenspiel-Training' : 'Role-play workshops' }).click();
          await page.getByRole('heading', { level: 1, name: lang === 'de' ? 'Rollenspiel-Training' : 'Role-play workshops' }).waitFor();
          await page.getByRole('link', { name: SCENARIO }).first().waitFor();
          await shot(page, `library-phone-${lang}`);
        }
        expect(session.problems).toEqual([]);
        await session.context.close();
      }
    }
  });

  it('the scenario editor: a facilitator creates a scenario (server errors at the field), finds it in the library and edits it; the workshop overview', async () => {
    const NEW_TITLE = 'Broken heating in the hotel';
    const GUEST_SECRET = 'GUEST-SECRET-7731';
    const alice = await company.loggedIn(ALICE, { timezoneId: 'Europe/Berlin' });
    const { page } = alice;
    await page.goto(`${company.app.baseUrl}/workshops`);
    await page.getByRole('heading', { level: 1, name: 'Role-play workshops' }).waitFor();

    // The facilitator's overview lists the two rounds Alice ran, the ended one with a link to its report.
    const overview = page.getByRole('region', { name: 'Workshop overview' });
    await overview.getByText('2 sessions you facilitated, 1 ended, 4 participations in all.').waitFor();
    await overview.getByRole('link', { name: `Report: ${SCENARIO}, round 1` }).waitFor();
    expect(await overview.getByRole('row').count()).toBe(3);
    await overview.screenshot({ path: join(SHOTS, 'workshops-overview-desktop.png') });
    // Her copy of the built-in is hers to edit; the built-in itself is not.
    await page.getByRole('button', { name: `Edit: ${SCENARIO}` }).waitFor();
    expect(await page.getByRole('button', { name: `Edit: ${SCENARIO}` }).count()).toBe(1);

    await page.getByRole('button', { name: 'New scenario' }).click();
    const editor = page.getByRole('dialog', { name: 'New scenario' });
    await editor.waitFor();
    // The rubric comes prefilled with the built-ins' criteria.
    const rubric = editor.getByRole('group', { name: 'Evaluation rubric' });
    await rubric.getByRole('group', { name: 'Criterion 1: Tone' }).waitFor();
    expect(await rubric.getByRole('group', { name: /^Criterion \d: / }).count()).toBe(5);
    expect(await rubric.getByRole('group', { name: 'Criterion 1: Tone' }).getByLabel('Scale point 1').inputValue()).not.toBe('');

    await editor.getByLabel('Situation').fill('A guest has had no heating for two nights and says so under the hotel’s post.');
    await editor.getByLabel('Brand name').fill('Hotel Seeblick');
    await editor.getByLabel('The brand’s post').fill('Autumn weekends at the lake – book now!');
    const guest = editor.getByRole('group', { name: 'Role 1: …' });
    await guest.getByLabel('Name of the role').fill('Unhappy guest');
    await editor.getByRole('group', { name: 'Role 1: Unhappy guest' }).getByLabel('Secret briefing').fill(`You want a refund. Code word ${GUEST_SECRET}.`);
    const desk = editor.getByRole('group', { name: 'Role 2: …' });
    await desk.getByLabel('Name of the role').fill('Front desk');
    await editor.getByRole('group', { name: 'Role 2: Front desk' }).getByLabel('Side').selectOption({ label: 'Company side' });
    await editor.getByRole('button', { name: 'Add inject' }).click();
    const inject = editor.getByRole('group', { name: 'Inject 1' });
    await inject.getByLabel('After minutes').fill('10');
    await inject.getByLabel('Text').fill('The guest posts a photo of the thermometer: 14 °C.');
    await inject.getByLabel('Only for role').selectOption({ label: 'Front desk' });
    await inject.getByLabel('Set the simulated clock to').selectOption({ label: 'Saturday' });
    expect(await inject.getByLabel('Simulated time').inputValue()).toBe('22:00');
    await inject.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'workshops-editor-inject-desktop.png') });

    // No title: the server's problem shows at the title field.
    await editor.getByRole('button', { name: 'Create scenario' }).click();
    const title = editor.getByLabel('Title', { exact: true });
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    await editor.getByText('Please fill in this field.').waitFor();
    await editor.getByText('Please check the marked fields.').waitFor();
    // …and the person is taken there.
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'workshops-editor-desktop.png') });
    await editor.screenshot({ path: join(SHOTS, 'workshops-editor-dialog-desktop.png') });

    await title.fill(NEW_TITLE);
    await editor.getByRole('button', { name: 'Create scenario' }).click();
    await editor.waitFor({ state: 'detached' });
    const mine = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: NEW_TITLE }) });
    await mine.getByText('Mine', { exact: true }).waitFor();
    await mine.getByText('Unhappy guest, Front desk').waitFor();

    // Edit: everything comes back as saved (briefing, inject); a new title is saved.
    await page.getByRole('button', { name: `Edit: ${NEW_TITLE}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit scenario: ${NEW_TITLE}` });
    await edit.waitFor();
    expect(await edit.getByRole('group', { name: 'Role 1: Unhappy guest' }).getByLabel('Secret briefing').inputValue()).toContain(GUEST_SECRET);
    const savedInject = edit.getByRole('group', { name: 'Inject 1' });
    expect(await savedInject.getByLabel('Only for role').inputValue()).not.toBe('');
    expect(await savedInject.getByLabel('Simulated time').inputValue()).toBe('22:00');
    await edit.getByLabel('Title', { exact: true }).fill(`${NEW_TITLE} (winter)`);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 3, name: `${NEW_TITLE} (winter)` }).waitFor();
    expect(await page.getByRole('heading', { level: 3, name: NEW_TITLE, exact: true }).count()).toBe(0);
    expect(alice.problems).toEqual([]);
    await alice.context.close();

    // The editor on a phone, in German.
    const phone = await company.loggedIn(ALICE, { viewport: viewports.phone, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    await phone.page.goto(`${company.app.baseUrl}/workshops`);
    await phone.page.getByRole('button', { name: 'Neues Szenario' }).click();
    const phoneEditor = phone.page.getByRole('dialog', { name: 'Neues Szenario' });
    await phoneEditor.getByRole('group', { name: 'Kriterium 1: Tonfall' }).waitFor();
    expect(await seriousViolations(phone.page)).toEqual([]);
    await phone.page.screenshot({ path: join(SHOTS, 'workshops-editor-phone.png') });
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });
});
