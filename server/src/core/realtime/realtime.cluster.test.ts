import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createMember, createTestApp, setupAdmin, type TestApp } from '../../../test/harness.js';
import { listen, open, until } from '../../../test/realtime-client.js';

// Cluster mode: runs in the PostgreSQL + Redis stage only (vitest.config.ts includes *.cluster.test.ts there).
describe('two instances sharing PostgreSQL and Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp();
    const dbUrl = a.config.db.dialect === 'pg' ? a.config.db.url : '';
    b = await createTestApp({ DATABASE_URL: dbUrl, INNENHOF_REDIS_PREFIX: a.config.redisPrefix });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('delivers within a second to a client on instance A what was changed through instance B', async () => {
    const adminB = (await setupAdmin(b)).client;
    const m = await createMember(b, adminB, { name: 'Cora Cluster' });
    const g = (await m.client.post('/api/v1/groups', { name: 'Cluster', visibility: 'public', joinPolicy: 'open' })).json();
    const urlA = await listen(a);
    // The same session works on both instances: it lives in the shared database.
    const onA = new Client(a.app);
    onA.cookie = m.client.cookie;
    const sock = await open(urlA, onA);
    expect(sock.ready.rooms).toContain(`group:${g.id}`);

    const t0 = Date.now();
    await m.client.patch(`/api/v1/groups/${g.id}`, { description: 'über B geändert' });
    await b.drain();
    await until(() => sock.events.some((e) => e.type === 'group.updated'), 1000);
    expect(Date.now() - t0).toBeLessThan(1000);

    // Presence agrees on both instances: connected to A, online as seen through B.
    const viaB = (await m.client.get(`/api/v1/presence?userIds=${m.id}`)).json().items[0];
    expect(viaB.status).toBe('online');
    sock.socket.close();
    await until(() => false, 300).catch(() => undefined);
    expect((await m.client.get(`/api/v1/presence?userIds=${m.id}`)).json().items[0].status).toBe('offline');
  });
});
