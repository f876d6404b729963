import { Type, type Static } from 'typebox';
import { Limits } from './limits.js';

export const Locale = Type.Union([Type.Literal('de'), Type.Literal('en')]);
export type Locale = Static<typeof Locale>;
export const Locales = ['de', 'en'] as const;

export const GroupCreation = Type.Union([Type.Literal('everyone'), Type.Literal('admins')]);

const HexColor = Type.String({ pattern: '^#[0-9a-fA-F]{6}$' });

/** Public branding, readable before login (login page shows it). */
export const CompanySettings = Type.Object({
  companyName: Type.String(),
  accentColor: HexColor,
  logoUrl: Type.Union([Type.String(), Type.Null()]),
  defaultLocale: Locale,
  setupNeeded: Type.Boolean(),
  guestsAllowed: Type.Boolean(),
  groupCreation: GroupCreation,
  /** Largest chat attachment, in MB (admin setting, default 25). */
  chatAttachmentMaxMb: Type.Integer(),
  /** Largest file or image attached to a post, in MB (admin setting, default 25). */
  postAttachmentMaxMb: Type.Integer(),
  /** Link previews under posts (admin setting, default on). */
  linkPreviews: Type.Boolean(),
  /** Privacy mode: notification e-mails say *that* something happened and link to it, with no content (default off). */
  mailPrivacy: Type.Boolean(),
  /**
   * Intranet host names whose pages may be previewed although they resolve to private addresses (and on any
   * port). Only admins receive it: this response is public.
   */
  linkPreviewAllowHosts: Type.Optional(Type.Array(Type.String())),
});
export type CompanySettings = Static<typeof CompanySettings>;

export const UpdateCompanySettings = Type.Object(
  {
    companyName: Type.Optional(Type.String({ minLength: 1, maxLength: Limits.companyNameMax })),
    accentColor: Type.Optional(HexColor),
    defaultLocale: Type.Optional(Locale),
    guestsAllowed: Type.Optional(Type.Boolean()),
    groupCreation: Type.Optional(GroupCreation),
    chatAttachmentMaxMb: Type.Optional(Type.Integer({ minimum: 1, maximum: Limits.chatAttachmentMbMax })),
    postAttachmentMaxMb: Type.Optional(Type.Integer({ minimum: 1, maximum: Limits.chatAttachmentMbMax })),
    linkPreviews: Type.Optional(Type.Boolean()),
    mailPrivacy: Type.Optional(Type.Boolean()),
    /** Host names like `wiki.intern.example` (no scheme, port or wildcard); replaces the whole list. */
    linkPreviewAllowHosts: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 253 }), { maxItems: Limits.linkPreviewAllowHostsMax })),
  },
  { additionalProperties: false },
);
export type UpdateCompanySettings = Static<typeof UpdateCompanySettings>;
