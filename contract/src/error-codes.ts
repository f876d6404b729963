/**
 * Stable error codes. The web app switches on these; never rename one, only add.
 */
export const ErrorCodes = [
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
  'poll_closed',
  'escalation_acknowledged',
  'topic_archived',
  'workshop_state_conflict',
  'workshop_not_running',
  'workshop_not_ended',
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];
