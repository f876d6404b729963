import type { TFunction } from 'i18next';
import { ApiError } from './api-client.ts';

const known = new Set([
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'setup_done',
  'email_taken',
  'invitation_invalid',
  'token_invalid',
  'password_too_weak',
  'account_deactivated',
  'payload_too_large',
  'unsupported_media_type',
  'unsupported_image',
  'rate_limited',
  'internal',
  'network',
]);

/** A friendly, translated sentence for an error (by its stable code). */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && known.has(error.code)) return t(`common:errors.${error.code}`);
  return t('common:errors.internal');
}

/** Common JSON-schema messages from the server, translated; anything else is shown as the server wrote it. */
const schemaMessages: [RegExp, string][] = [
  [/^must NOT have fewer than (\d+) (characters|items)/, 'tooShort'],
  [/^must NOT have more than (\d+) (characters|items)/, 'tooLong'],
  [/^must match format "email"/, 'invalidEmail'],
  [/^must match pattern/, 'invalidFormat'],
  [/^must have required property/, 'required'],
];

function translateFieldMessage(t: TFunction, message: string): string {
  for (const [pattern, key] of schemaMessages) {
    const match = pattern.exec(message);
    if (match) return t(`common:fieldErrors.${key}`, { count: Number(match[1] ?? 0) });
  }
  return message;
}

/**
 * Messages to show next to fields, keyed by field name. For `validation_failed` the server's message per field
 * (translated where we recognise it); for other codes that name a field (`email_taken`, `invalid_credentials`…)
 * the friendly message for the code.
 */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields = error.fields;
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    out[field] = error.code === 'validation_failed' || !known.has(error.code) ? translateFieldMessage(t, message) : t(`common:errors.${error.code}`);
  }
  return out;
}
