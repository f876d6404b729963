import { type TSchema, Type } from 'typebox';
import { Limits } from './limits.js';

export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id });
export const Timestamp = Type.String({ description: 'ISO-8601 UTC with milliseconds' });

export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: Limits.pageSizeMax })),
};

/** `{ items, nextCursor }` for every list endpoint. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

export const Ok = Type.Object({ ok: Type.Boolean() });

/** 204 No Content. */
export const NoContent = Type.Null({ description: 'No content' });
