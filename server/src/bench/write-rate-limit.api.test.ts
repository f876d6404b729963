import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, createMember, createTestApp, setupAdmin, type TestApp } from '../../test/harness.js';
import { buildConfig, ConfigError } from '../config/config.js';

/**
 * INNENHOF_WRITE_RATE_LIMIT, set only by `npm run bench`: the write scenarios must measure the server, not the
 * limiter. Without it a person gets 30 posts a minute; with it, as many as it says.
 */
describe('INNENHOF_WRITE_RATE_LIMIT (load tests only)', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function postMany(env: Record<string, string>, count: number): Promise<number[]> {
    t = await createTestApp(env);
    const admin = await setupAdmin(t);
    const anna = await createMember(t, admin.client, { name: 'Anna Autorin' });
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) {
      const res = await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: `Update ${i + 1} #benchmark` });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(codeOf(res)).toBe('rate_limited');
    }
    return statuses;
  }

  it('by default, a person is stopped after 30 posts in a minute', async () => {
    const statuses = await postMany({}, 31);
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('raised for a load test, the same person can post past the route limit', async () => {
    const statuses = await postMany({ INNENHOF_WRITE_RATE_LIMIT: '100' }, 35);
    expect(statuses.every((s) => s === 201)).toBe(true);
  });

  it('rejects a value that is not a positive whole number, naming the setting', () => {
    expect(() => buildConfig({ INNENHOF_WRITE_RATE_LIMIT: '0' })).toThrow(ConfigError);
    expect(() => buildConfig({ INNENHOF_WRITE_RATE_LIMIT: 'lots' })).toThrow(/INNENHOF_WRITE_RATE_LIMIT/);
    expect(buildConfig({}).writeRateLimit).toBeNull();
    expect(buildConfig({ INNENHOF_WRITE_RATE_LIMIT: '5000' }).writeRateLimit).toBe(5000);
  });
});
