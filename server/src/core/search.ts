import { type Expression, type SqlBool, sql } from 'kysely';
import type { Dialect, Executor } from './db/index.js';

/**
 * Full-text search behind one interface: SQLite FTS5 or PostgreSQL tsvector ('simple' configuration,
 * so German and English names and skills are matched alike). Prefix matching for as-you-type search.
 */

/** Splits user input into safe word tokens (letters and digits only). */
export function searchTokens(q: string): string[] {
  return (
    q
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, 8);
}

export async function indexPerson(db: Executor, dialect: Dialect, userId: string, content: string): Promise<void> {
  if (dialect === 'sqlite') {
    await db.deleteFrom('people_fts').where('user_id', '=', userId).execute();
    await db.insertInto('people_fts').values({ user_id: userId, content }).execute();
  } else {
    await db
      .insertInto('people_fts')
      .values({ user_id: userId, content })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ content }))
      .execute();
  }
}

export async function removePerson(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('people_fts').where('user_id', '=', userId).execute();
}

/**
 * A condition "users.id matches q", usable in any query on `users`. Returns null for input without words.
 */
export function peopleMatch(dialect: Dialect, q: string): Expression<SqlBool> | null {
  const tokens = searchTokens(q);
  if (tokens.length === 0) return null;
  if (dialect === 'sqlite') {
    const match = tokens.map((t) => `"${t}"*`).join(' AND ');
    return sql<SqlBool>`users.id IN (SELECT user_id FROM people_fts WHERE people_fts MATCH ${`content:(${match})`})`;
  }
  const query = tokens.map((t) => `${t}:*`).join(' & ');
  return sql<SqlBool>`users.id IN (SELECT user_id FROM people_fts WHERE document @@ to_tsquery('simple', ${query}))`;
}
