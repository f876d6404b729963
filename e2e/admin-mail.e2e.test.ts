/**
 * Admin → Mail → Deliveries. The app's SMTP server is a port nothing listens on, so Anna's invitation mail waits
 * (retried with back-off) and shows its attempts and the connection error; the status filter narrows the list.
 * Giving up after all 8 attempts takes minutes of back-off, so the Retry button of a failed mail is exercised with
 * the list answered by the browser (the real retry is covered by the server's API test). axe scan, phone screenshot.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { MailDelivery } from '@innenhof/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  completeSetup,
  ensureScreenshotDir,
  launchBrowser,
  login,
  newPage,
  screenshotDir,
  seriousViolations,
  startApp,
  type TestApp,
  viewports,
} from './harness.ts';

let app: TestApp;
let browser: Browser;

const ANNA = { company: 'Acme Logistik GmbH', name: 'Anna Admin', email: 'anna@acme.test', password: 'anna-password-1' };
const DORA = 'dora@acme.test';

/** A local port that was free a moment ago and that nobody listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await closedPort();
  [app, browser] = await Promise.all([startApp({ env: { INNENHOF_SMTP_PORT: String(port) } }), launchBrowser()]);
  await ensureScreenshotDir();
  const { context, page } = await newPage(browser);
  await completeSetup(page, app.baseUrl, ANNA);
  await apiAs(app, page, 'POST', '/invitations', { email: DORA, role: 'member', locale: 'en' });
  // The first attempt runs at once and fails (connection refused).
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page1 = (await apiAs(app, page, 'GET', '/admin/mail/deliveries?status=pending')) as { items: MailDelivery[] };
    const dora = page1.items.find((d) => d.to === DORA);
    if (dora && dora.attempts >= 1 && dora.lastError) break;
    if (Date.now() > deadline) throw new Error(`The invitation mail was never attempted:\n${app.logs()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openMail(page: Page) {
  await page.goto(`${app.baseUrl}/admin/mail`);
  await page.getByRole('heading', { level: 2, name: 'Deliveries' }).waitFor();
}

function filter(page: Page, name: string) {
  return page.getByRole('group', { name: 'Show e-mails' }).getByRole('radio', { name, exact: true });
}

describe('admin: mail deliveries', () => {
  it('shows a waiting mail with its attempts and error, and the status filter narrows the list', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, app.baseUrl, ANNA.email, ANNA.password);
    await openMail(page);
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Mail', exact: true }).waitFor();
    await page.getByText('Every e-mail is kept until it is delivered; failed ones can be sent again.').waitFor();

    const table = page.getByRole('table', { name: 'Deliveries' });
    const row = table.getByRole('row').filter({ hasText: DORA });
    await row.waitFor();
    // Column headers, then the row's cells: the mail (recipient, subject, last error), status as text and attempts, time.
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers.slice(0, 3)).toEqual(['E-mail', 'Status', 'Time']);
    const cells = row.getByRole('cell');
    await cells.nth(0).getByText(DORA, { exact: true }).waitFor();
    await cells.nth(0).getByText('Anna Admin invites you to Acme Logistik GmbH on Innenhof', { exact: true }).waitFor();
    const error = cells.nth(0).locator('[title]');
    const title = (await error.getAttribute('title')) ?? '';
    expect(title).toMatch(/ECONNREFUSED|connect|refused/i);
    expect(await error.textContent()).toBe(`Last error: ${title}`);
    await cells.nth(1).getByText('Waiting', { exact: true }).waitFor();
    expect(await cells.nth(1).textContent()).toMatch(/Attempts: [1-8] of 8$/);
    expect(await cells.nth(2).textContent()).toMatch(/next attempt/);
    // Waiting mails are retried on their own: no Retry button.
    expect(await row.getByRole('button', { name: /Retry/ }).count()).toBe(0);

    await filter(page, 'Sent').check();
    await page.getByText('No e-mails sent yet.').waitFor();
    expect(await page.getByRole('table', { name: 'Deliveries' }).count()).toBe(0);
    await filter(page, 'Failed').check();
    await page.getByText('No failed e-mails.').waitFor();
    await filter(page, 'Waiting').check();
    await table.getByRole('row').filter({ hasText: DORA }).waitFor();
    await filter(page, 'All').check();
    await table.getByRole('row').filter({ hasText: DORA }).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'admin-mail-deliveries-desktop.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a failed mail can be sent again: the button is disabled meanwhile, then the list is fetched anew', async () => {
    const { context, page, problems } = await newPage(browser, { viewport: viewports.phone });
    await login(page, app.baseUrl, ANNA.email, ANNA.password);
    const now = new Date().toISOString();
    const failed: MailDelivery = {
      id: '01JFAILEDMAIL0000000000000',
      to: 'erik@acme.test',
      subject: 'You are invited to Acme Logistik GmbH on Innenhof',
      status: 'failed',
      attempts: 8,
      maxAttempts: 8,
      lastError: 'connect ECONNREFUSED 127.0.0.1:2525 — the mail server did not answer after eight attempts, giving up for good',
      createdAt: now,
      nextAttemptAt: null,
      sentAt: null,
      failedAt: now,
    };
    let retried = false;
    let listCalls = 0;
    let releaseRetry: () => void = () => {};
    const retryHeld = new Promise<void>((resolve) => {
      releaseRetry = resolve;
    });
    await page.route('**/api/v1/admin/mail/deliveries?*', async (route) => {
      listCalls += 1;
      const status = new URL(route.request().url()).searchParams.get('status');
      const item: MailDelivery = retried ? { ...failed, status: 'pending', attempts: 0, failedAt: null, nextAttemptAt: now } : failed;
      const real = (await (await route.fetch()).json()) as { items: MailDelivery[]; nextCursor: string | null };
      const items = !status || status === item.status ? [item, ...real.items] : real.items;
      await route.fulfill({ json: { items, nextCursor: null } });
    });
    await page.route(`**/api/v1/admin/mail/deliveries/${failed.id}/retry`, async (route) => {
      expect(route.request().method()).toBe('POST');
      await retryHeld;
      retried = true;
      await route.fulfill({ status: 204, body: '' });
    });

    await openMail(page);
    await filter(page, 'Failed').check();
    const row = page.getByRole('row').filter({ hasText: failed.to });
    await row.getByText('Failed', { exact: true }).waitFor();
    await row.getByText('Attempts: 8 of 8').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'admin-mail-deliveries-phone.png'), fullPage: true });

    const button = row.getByRole('button', { name: /^Retry\W+You are invited to Acme Logistik GmbH on Innenhof to erik@acme\.test$/ });
    await button.click();
    await expect.poll(() => button.isDisabled()).toBe(true);
    const callsBefore = listCalls;
    releaseRetry();
    await page
      .getByRole('status')
      .filter({ hasText: `The e-mail to ${failed.to} is being sent again.` })
      .waitFor();
    // Refetched: under "Failed" the mail is gone, it waits again.
    await page.getByText('No failed e-mails.').waitFor();
    expect(listCalls).toBeGreaterThan(callsBefore);
    await filter(page, 'Waiting').check();
    await page.getByRole('row').filter({ hasText: failed.to }).getByText('Waiting', { exact: true }).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
