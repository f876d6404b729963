import type { TFunction } from 'i18next';
import { ApiError, type FieldProblem } from '../../../lib/api-client.ts';
import { errorMessage, translateFieldProblem } from '../../../lib/errors.ts';

/**
 * The server's problems by their whole field path (`title`, `participants.1.roleKey`, `roles.1.name` — a
 * scenario's `definition.` left off), translated by keyword; the app's `fieldErrors` keeps only the first
 * segment. Other codes that name a field get the code's message.
 */
export function errorsByPath(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields = (error.details as { fields?: FieldProblem[] } | undefined)?.fields;
  const out: Record<string, string> = {};
  if (!Array.isArray(fields)) return out;
  for (const f of fields) {
    if (!f || typeof f.field !== 'string') continue;
    const path = f.field
      .replace(/^\/?(body[/.])?/, '')
      .replace(/\//g, '.')
      .replace(/^definition\./, '');
    out[path] ??= error.code === 'validation_failed' ? translateFieldProblem(t, f) : errorMessage(t, error);
  }
  return out;
}
