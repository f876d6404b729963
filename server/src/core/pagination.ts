import { fieldError } from './errors.js';

/** Opaque keyset cursors: base64url of a JSON array of the sort key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): Array<string | number> | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === arity && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v as Array<string | number>;
  } catch {
    // fall through
  }
  throw fieldError('cursor', 'is not a cursor this list returned');
}

/** Splits a limit+1 result into the page and the next cursor. */
export function pageOf<R, T>(
  rows: R[],
  limit: number,
  key: (row: R) => readonly (string | number)[],
  present: (rows: R[]) => T[],
): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { items: present(page), nextCursor: more && last ? encodeCursor(key(last)) : null };
}
