import { hashPassword } from '../src/core/auth/index.js';
import { newId } from '../src/core/ids.js';
import { insertUser, type NewUser, updateUser } from '../src/features/users/repository.js';
import { PASSWORD, type TestApp } from './harness.js';

export interface PersonFixture extends Partial<Omit<NewUser, 'name'>> {
  name: string;
  status?: 'active' | 'deactivated';
}

let passwordHash: Promise<string> | null = null;

/**
 * Factory for many people at once: inserts them through the users repository (the same code the service uses,
 * search index included) with one shared hash of PASSWORD, so a directory of 25 people costs one hash instead
 * of 25. Everyone can log in with PASSWORD. Give managers before their reports (foreign key).
 */
export async function insertPeople(t: TestApp, people: PersonFixture[]): Promise<Array<{ id: string; email: string; name: string }>> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  return t.ctx.db.transaction(async (tx) => {
    const out: Array<{ id: string; email: string; name: string }> = [];
    for (const p of people) {
      const { status, ...fields } = p;
      const id = fields.id ?? newId();
      const email = fields.email ?? `${p.name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${id.slice(-8)}@acme.test`;
      await insertUser(tx.db, tx.dialect, { role: 'member', ...fields, id, email }, hash);
      if (status === 'deactivated') await updateUser(tx.db, tx.dialect, id, { status, deactivated_at: new Date().toISOString() });
      out.push({ id, email, name: p.name });
    }
    return out;
  });
}
