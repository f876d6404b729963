/**
 * Every main page: an axe scan (no serious or critical violations) in light and dark theme,
 * and screenshots at phone and desktop size into test-results/screenshots/ (CI artifacts).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completeSetup,
  ensureScreenshotDir,
  launchBrowser,
  login,
  makePng,
  newPage,
  screenshotDir,
  startApp,
  type TestApp,
  viewports,
  apiAs,
  seriousViolations,
} from './harness.ts';

let app: TestApp;
let browser: Browser;
let profileId = '';

const ADMIN = { company: 'Acme Logistik GmbH', name: 'Anna Admin', email: 'anna@acme.test', password: 'anna-password-1' };

interface PageCase {
  name: string;
  path: () => string;
  heading: RegExp | string;
}

const publicPages: PageCase[] = [
  { name: 'login', path: () => '/login', heading: 'Log in' },
  { name: 'forgot-password', path: () => '/forgot-password', heading: 'Forgot your password?' },
];

const appPages: PageCase[] = [
  { name: 'home', path: () => '/', heading: 'Home' },
  { name: 'people', path: () => '/people', heading: 'People' },
  { name: 'org-chart', path: () => '/people/org-chart', heading: 'Org chart' },
  { name: 'profile', path: () => `/people/${profileId}`, heading: 'Clara Chef' },
  { name: 'settings', path: () => '/settings', heading: 'Settings' },
  { name: 'admin-users', path: () => '/admin/users', heading: 'Admin' },
  { name: 'admin-invitations', path: () => '/admin/invitations', heading: 'Admin' },
  { name: 'admin-mail', path: () => '/admin/mail', heading: 'Admin' },
  { name: 'admin-company', path: () => '/admin/company', heading: 'Admin' },
];

async function settle(page: Page, heading: RegExp | string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .locator('.spinner')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  // Images that are rendered (lazy ones outside the viewport or in hidden columns never load: skip them).
  await page.evaluate(async () => {
    const inView = (img: HTMLImageElement) => {
      const r = img.getBoundingClientRect();
      return r.width > 0 && r.bottom > 0 && r.top < window.innerHeight;
    };
    const pending = [...document.images].filter((img) => !img.complete && inView(img));
    await Promise.race([Promise.all(pending.map((img) => img.decode().catch(() => null))), new Promise((r) => setTimeout(r, 3000))]);
  });
  await page.waitForTimeout(150);
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await ensureScreenshotDir();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('pages', () => {
  it('the setup page has no serious accessibility problems (light and dark)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [size, viewport] of Object.entries(viewports)) {
        const { context, page, problems } = await newPage(browser, { colorScheme, viewport });
        await page.goto(`${app.baseUrl}/`);
        await page.waitForURL('**/setup');
        await settle(page, 'Set up Innenhof');
        if (size === 'desktop') expect(await seriousViolations(page), `setup (${colorScheme})`).toEqual([]);
        await page.screenshot({ path: join(screenshotDir, `setup-${size}-${colorScheme}.png`), fullPage: true });
        expect(problems).toEqual([]);
        await context.close();
      }
    }
  });

  it('seeds a small company', async () => {
    const { context, page } = await newPage(browser);
    await completeSetup(page, app.baseUrl, ADMIN);
    const clara = (await apiAs(app, page, 'POST', '/users', {
      name: 'Clara Chef',
      email: 'clara@acme.test',
      password: 'clara-password-1',
      role: 'member',
    })) as { id: string };
    profileId = clara.id;
    await apiAs(app, page, 'PATCH', `/users/${clara.id}`, {
      jobTitle: 'Head of Operations',
      department: 'Operations',
      location: 'Hamburg',
      phone: '+49 40 5550100',
      about: 'I keep the trucks rolling.\nAsk me anything about routes and schedules.',
      skills: ['Route planning', 'SAP', 'Forklift licence'],
    });
    const me = (await (await page.request.get(`${app.baseUrl}/api/v1/me`)).json()) as { user: { id: string } };
    await apiAs(app, page, 'PATCH', `/users/${me.user.id}`, { jobTitle: 'Managing Director', department: 'Management', location: 'Hamburg' });
    await apiAs(app, page, 'PATCH', `/users/${clara.id}`, { managerId: me.user.id });
    const people = [
      ['Dirk Dreher', 'Forklift driver', 'Operations', 'Bremen'],
      ['Emma Engel', 'Dispatcher', 'Operations', 'Hamburg'],
      ['Farid Fuchs', 'Accountant', 'Finance', 'Hamburg'],
    ] as const;
    for (const [name, jobTitle, department, location] of people) {
      const user = (await apiAs(app, page, 'POST', '/users', {
        name,
        email: `${name.split(' ')[0]?.toLowerCase()}@acme.test`,
        password: 'member-password-1',
      })) as { id: string };
      await apiAs(app, page, 'PATCH', `/users/${user.id}`, {
        jobTitle,
        department,
        location,
        managerId: department === 'Operations' ? clara.id : me.user.id,
      });
    }
    await apiAs(app, page, 'POST', '/invitations', { email: 'gina@acme.test', role: 'member', locale: 'de' });
    await app.waitForMail((m) => m.to.includes('gina@acme.test'));
    // A cover and an avatar for the profile screenshot.
    const csrf = ((await (await page.request.get(`${app.baseUrl}/api/v1/me`)).json()) as { csrfToken: string }).csrfToken;
    for (const [kind, png] of [
      ['avatar', makePng(256, 256, [14, 116, 144])],
      ['cover', makePng(1200, 300, [120, 160, 90])],
    ] as const) {
      const response = await page.request.put(`${app.baseUrl}/api/v1/users/${clara.id}/${kind}`, {
        headers: { 'X-CSRF-Token': csrf },
        multipart: { file: { name: `${kind}.png`, mimeType: 'image/png', buffer: png } },
      });
      expect(response.ok(), `${kind} upload → ${response.status()} ${await response.text()}`).toBe(true);
    }
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`public pages pass axe and are captured (${colorScheme})`, async () => {
      for (const [size, viewport] of Object.entries(viewports)) {
        const { context, page, problems } = await newPage(browser, { colorScheme, viewport });
        for (const item of publicPages) {
          await page.goto(`${app.baseUrl}${item.path()}`);
          await settle(page, item.heading);
          if (size === 'desktop') expect(await seriousViolations(page), `${item.name} (${colorScheme})`).toEqual([]);
          await page.screenshot({ path: join(screenshotDir, `${item.name}-${size}-${colorScheme}.png`), fullPage: true });
        }
        expect(problems).toEqual([]);
        await context.close();
      }
    });

    for (const [size, viewport] of Object.entries(viewports)) {
      it(`app pages pass axe and are captured (${colorScheme}, ${size})`, async () => {
        const { context, page, problems } = await newPage(browser, { colorScheme, viewport });
        await login(page, app.baseUrl, ADMIN.email, ADMIN.password);
        for (const item of appPages) {
          await page.goto(`${app.baseUrl}${item.path()}`);
          await settle(page, item.heading);
          if (size === 'desktop') expect(await seriousViolations(page), `${item.name} (${colorScheme})`).toEqual([]);
          await page.screenshot({ path: join(screenshotDir, `${item.name}-${size}-${colorScheme}.png`), fullPage: true });
        }
        // Dialogs and menus too: an outbox mail (if mail went to the outbox), the profile editor, the account menu.
        if (size === 'desktop') {
          await page.goto(`${app.baseUrl}/admin/mail`);
          await settle(page, 'Admin');
          if (await page.locator('.mail-item').count()) {
            await page.locator('.mail-item').first().click();
            await page.getByRole('dialog').waitFor();
            expect(await seriousViolations(page), `mail dialog (${colorScheme})`).toEqual([]);
            await page.screenshot({ path: join(screenshotDir, `admin-mail-open-${size}-${colorScheme}.png`) });
            await page.keyboard.press('Escape');
          }

          await page.goto(`${app.baseUrl}/people/${profileId}`);
          await settle(page, 'Clara Chef');
          await page.getByRole('button', { name: 'Edit profile' }).click();
          await page.getByRole('dialog', { name: 'Edit profile' }).waitFor();
          expect(await seriousViolations(page), `edit profile dialog (${colorScheme})`).toEqual([]);
          await page.screenshot({ path: join(screenshotDir, `profile-edit-${size}-${colorScheme}.png`) });
          await page.keyboard.press('Escape');
          await page.getByRole('dialog').waitFor({ state: 'hidden' });

          await page.getByRole('button', { name: /Account menu/ }).click();
          await page.getByRole('link', { name: 'Settings' }).last().waitFor();
          expect(await seriousViolations(page), `account menu (${colorScheme})`).toEqual([]);
        }
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }

  it('captures the main pages in German on a phone', async () => {
    const { context, page, problems } = await newPage(browser, { viewport: viewports.phone, locale: 'de-DE' });
    await login(page, app.baseUrl, 'clara@acme.test', 'clara-password-1');
    for (const [name, path, heading] of [
      ['home', '/', 'Startseite'],
      ['people', '/people', 'Personen'],
      ['org-chart', '/people/org-chart', 'Organigramm'],
      ['profile', `/people/${profileId}`, 'Clara Chef'],
      ['settings', '/settings', 'Einstellungen'],
    ] as const) {
      await page.goto(`${app.baseUrl}${path}`);
      await settle(page, heading);
      await page.screenshot({ path: join(screenshotDir, `${name}-phone-de.png`), fullPage: true });
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
