import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../test/harness.js';
import { BENCH_PASSWORD, type GeneratedCompany, generateCompany } from './generate.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface PostItem {
  id: string;
  body: string;
  group?: { id: string } | null;
}

describe('bench company generator (XS)', () => {
  let t: TestApp;
  let company: GeneratedCompany;

  beforeAll(async () => {
    t = await createTestApp();
    company = await generateCompany(t.ctx.db, { scale: 'XS', seed: 42 });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function login(email: string): Promise<Client> {
    const c = new Client(t.app);
    await c.login(email, BENCH_PASSWORD);
    return c;
  }

  it('fills every table at the XS scale', () => {
    expect(company.counts).toMatchObject({ users: 51, accounts: 51, people_fts: 51, groups: 5, posts: 500, comments: 1_500, reactions: 3_000, messages: 500 });
    expect(company.counts.conversations).toBe(50);
  });

  it('a member logs in with the bench password and gets a home feed page of 20 posts', async () => {
    const c = await login(company.memberEmails[0] as string);
    const res = await c.get('/api/v1/feed');
    expect(res.statusCode).toBe(200);
    const page = res.json() as Page<PostItem>;
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).toBeTruthy();
  });

  it('a member reads the feed of a group they belong to', async () => {
    const group = company.groups.find((g) => g.visibility !== 'public') ?? company.groups[0];
    const c = await login(group?.memberEmails[0] as string);
    const res = await c.get(`/api/v1/groups/${group?.id}/posts`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as Page<PostItem>).items.length).toBeGreaterThan(0);
  });

  it("a secret group's posts never reach a non-member", async () => {
    const secret = company.secretGroup;
    expect(secret).not.toBeNull();
    const secretPosts = await t.ctx.db.db
      .selectFrom('posts')
      .select('id')
      .where('group_id', '=', secret?.id as string)
      .execute();
    expect(secretPosts.length).toBeGreaterThan(0);
    const hidden = new Set(secretPosts.map((p) => p.id));
    const c = await login(secret?.nonMemberEmail as string);
    expect((await c.get(`/api/v1/groups/${secret?.id}/posts`)).statusCode).toBe(404);
    expect((await c.get(`/api/v1/posts/${secretPosts[0]?.id}`)).statusCode).toBe(404);
    // Every page of the home feed.
    let cursor: string | null = null;
    let seen = 0;
    do {
      const res = await c.get(`/api/v1/feed?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as Page<PostItem>;
      for (const p of page.items) expect(hidden.has(p.id)).toBe(false);
      seen += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toBeGreaterThan(20);
  });

  it('the directory finds a generated person by the first three letters of the last name', async () => {
    const c = await login(company.memberEmails[0] as string);
    const person = await t.ctx.db.db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('email', '=', company.memberEmails[1] as string)
      .executeTakeFirstOrThrow();
    const last = person.name.split(' ').pop() as string;
    const res = await c.get(`/api/v1/users?q=${encodeURIComponent(last.slice(0, 3))}&limit=100`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as Page<{ id: string }>).items.map((u) => u.id)).toContain(person.id);
  });

  it('the hot post pages its 50+ comments', async () => {
    const c = await login(company.memberEmails[2] as string);
    const first = await c.get(`/api/v1/posts/${company.hotPostId}/comments?limit=25`);
    expect(first.statusCode).toBe(200);
    const p1 = first.json() as Page<{ id: string }>;
    expect(p1.items).toHaveLength(25);
    expect(p1.nextCursor).toBeTruthy();
    const second = await c.get(`/api/v1/posts/${company.hotPostId}/comments?limit=25&cursor=${encodeURIComponent(p1.nextCursor as string)}`);
    const p2 = second.json() as Page<{ id: string }>;
    expect(p2.items).toHaveLength(25);
    const ids = [...p1.items, ...p2.items].map((x) => x.id);
    expect(new Set(ids).size).toBe(50);
    // Oldest first: ids (UUIDv7) ascend with time.
    expect([...ids].sort()).toEqual(ids);
  });

  it('a direct conversation lists its messages for both people', async () => {
    const pair = company.directPair;
    expect(pair).not.toBeNull();
    for (const email of pair?.emails ?? []) {
      const c = await login(email);
      const res = await c.get(`/api/v1/conversations/${pair?.conversationId}/messages`);
      expect(res.statusCode).toBe(200);
      expect((res.json() as Page<{ id: string }>).items.length).toBeGreaterThanOrEqual(3);
      const list = await c.get('/api/v1/conversations');
      expect((list.json() as Page<{ id: string }>).items.map((x) => x.id)).toContain(pair?.conversationId);
    }
  });

  it('is deterministic: the same seed gives the same counts and post bodies', async () => {
    const other = await createTestApp();
    try {
      const again = await generateCompany(other.ctx.db, { scale: 'XS', seed: 42 });
      expect(again.counts).toEqual(company.counts);
      expect(again.memberEmails).toEqual(company.memberEmails);
      const bodies = async (x: TestApp) => (await x.ctx.db.db.selectFrom('posts').select('body').orderBy('id').limit(5).execute()).map((r) => r.body);
      expect(await bodies(other)).toEqual(await bodies(t));
    } finally {
      await other.close();
    }
  });

  it('refuses a database that has users already', async () => {
    await expect(generateCompany(t.ctx.db, { scale: 'XS', seed: 1 })).rejects.toThrow(/empty database/);
  });
});
