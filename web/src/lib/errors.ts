import { ErrorCodes } from '@innenhof/contract';
import type { TFunction } from 'i18next';
import { ApiError, type FieldProblem } from './api-client.ts';

// The server's stable codes (contract), plus the client's own for a failed connection.
const known = new Set<string>([...ErrorCodes, 'network']);

/** A friendly, translated sentence for an error (by its stable code). */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && known.has(error.code)) return t(`common:errors.${error.code}`);
  return t('common:errors.internal');
}

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value ?? 0)) || 0;

/**
 * A field's problem in the reader's language, by the validator's stable `keyword` and its `params`
 * (never by the English text). Unknown keywords get a general sentence.
 */
export function translateFieldProblem(t: TFunction, problem: FieldProblem): string {
  const params = problem.params ?? {};
  switch (problem.keyword) {
    case 'required':
      return t('common:fieldErrors.required');
    case 'minLength':
      return num(params.limit) <= 1 ? t('common:fieldErrors.required') : t('common:fieldErrors.tooShort', { count: num(params.limit) });
    case 'maxLength':
      return t('common:fieldErrors.tooLong', { count: num(params.limit) });
    case 'minItems':
      return t('common:fieldErrors.tooFewItems', { count: num(params.limit) });
    case 'maxItems':
      return t('common:fieldErrors.tooManyItems', { count: num(params.limit) });
    case 'minimum':
    case 'exclusiveMinimum':
      return t('common:fieldErrors.tooSmall', { limit: num(params.limit) });
    case 'maximum':
    case 'exclusiveMaximum':
      return t('common:fieldErrors.tooLarge', { limit: num(params.limit) });
    case 'pattern':
      return t('common:fieldErrors.invalidFormat');
    case 'format':
      return params.format === 'email' ? t('common:fieldErrors.invalidEmail') : t('common:fieldErrors.invalidFormat');
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return t('common:fieldErrors.invalidChoice');
    case 'type':
      return t('common:fieldErrors.invalidValue');
    case 'additionalProperties':
      return t('common:fieldErrors.notAllowed');
    default:
      return t('common:fieldErrors.invalidValue');
  }
}

/**
 * Messages to show next to fields, keyed by field name. For `validation_failed` the problem per field,
 * translated by keyword; for other codes that name a field (`email_taken`, `invalid_credentials`…) the
 * friendly message for the code.
 */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [field, problem] of Object.entries(error.fieldProblems)) {
    out[field] = error.code === 'validation_failed' || !known.has(error.code) ? translateFieldProblem(t, problem) : t(`common:errors.${error.code}`);
  }
  return out;
}
