import { Type, type Static } from 'typebox';
import { Id, Timestamp } from './common.js';
import { Limits } from './limits.js';
import { Email, Password, PersonName } from './users.js';
import { Locale } from './settings.js';

export const Login = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: Limits.emailMax }), password: Type.String({ minLength: 1, maxLength: Limits.passwordMax }) },
  { additionalProperties: false },
);
export type Login = Static<typeof Login>;

export const Setup = Type.Object(
  {
    companyName: Type.String({ minLength: 1, maxLength: Limits.companyNameMax, pattern: '\\S' }),
    name: PersonName,
    email: Email,
    password: Password,
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type Setup = Static<typeof Setup>;

export const SetupStatus = Type.Object({ needed: Type.Boolean() });

export const ChangePassword = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: Limits.passwordMax }), newPassword: Password, logoutOtherSessions: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type ChangePassword = Static<typeof ChangePassword>;

export const ForgotPassword = Type.Object({ email: Type.String({ minLength: 1, maxLength: Limits.emailMax }) }, { additionalProperties: false });
export const ResetPassword = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }), password: Password }, { additionalProperties: false });
export type ResetPassword = Static<typeof ResetPassword>;

export const Session = Type.Object({
  id: Id,
  createdAt: Timestamp,
  lastActiveAt: Timestamp,
  expiresAt: Timestamp,
  ipAddress: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
});
export type Session = Static<typeof Session>;

export const Invitation = Type.Object({
  id: Id,
  email: Type.String(),
  role: Type.String(),
  /** Guest invitations: the group the guest joins. */
  groupId: Type.Union([Id, Type.Null()]),
  invitedBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  acceptedAt: Type.Union([Timestamp, Type.Null()]),
  revokedAt: Type.Union([Timestamp, Type.Null()]),
});
export type Invitation = Static<typeof Invitation>;

export const CreateInvitation = Type.Object(
  { email: Email, role: Type.Optional(Type.Union([Type.Literal('admin'), Type.Literal('member')])), locale: Type.Optional(Locale) },
  { additionalProperties: false },
);
export type CreateInvitation = Static<typeof CreateInvitation>;

/** What the invitee sees before accepting (looked up by the secret token). */
export const InvitationPreview = Type.Object({
  email: Type.String(),
  companyName: Type.String(),
  invitedBy: Type.Union([Type.String(), Type.Null()]),
  /** Guest invitations: the group the guest will see. */
  groupName: Type.Union([Type.String(), Type.Null()]),
  role: Type.String(),
});
export type InvitationPreview = Static<typeof InvitationPreview>;

export const AcceptInvitation = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), name: PersonName, password: Password, locale: Type.Optional(Locale) },
  { additionalProperties: false },
);
export type AcceptInvitation = Static<typeof AcceptInvitation>;

export const MailMessage = Type.Object({
  id: Id,
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.String(),
  createdAt: Timestamp,
});
export type MailMessage = Static<typeof MailMessage>;

export const MailDeliveryStatus = Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')]);
export type MailDeliveryStatus = Static<typeof MailDeliveryStatus>;

/** Admin → Mail: one e-mail on its way (a durable job): waiting or retrying, sent, or given up after the last attempt. */
export const MailDelivery = Type.Object({
  id: Id,
  to: Type.String(),
  subject: Type.String(),
  status: MailDeliveryStatus,
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  /** When the next attempt is due (pending), or null. */
  nextAttemptAt: Type.Union([Timestamp, Type.Null()]),
  sentAt: Type.Union([Timestamp, Type.Null()]),
  failedAt: Type.Union([Timestamp, Type.Null()]),
});
export type MailDelivery = Static<typeof MailDelivery>;
