/** Limits shared by server validation and web forms. */
export const Limits = {
  nameMax: 100,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 128,
  companyNameMax: 80,
  jobTitleMax: 100,
  departmentMax: 80,
  locationMax: 80,
  phoneMax: 40,
  aboutMax: 2000,
  skillsMax: 20,
  skillMax: 40,
  searchMax: 100,
  pageSizeDefault: 20,
  pageSizeMax: 100,
  /** Image uploads (avatar, cover, logo), in bytes. */
  imageMaxBytes: 10 * 1024 * 1024,
  /** JSON bodies, in bytes. */
  jsonBodyMaxBytes: 256 * 1024,
  invitationDays: 7,
  passwordResetMinutes: 60,
  groupNameMax: 80,
  groupDescriptionMax: 2000,
  groupMembersMax: 10000,
  groupInviteBatchMax: 100,
  chatMembersMax: 250,
  messageMax: 10000,
  messageAttachmentsMax: 10,
  postMax: 20000,
  commentMax: 5000,
  postAttachmentsMax: 10,
  /** Default of the admin's chat and post attachment limits, in MB. */
  chatAttachmentMbDefault: 25,
  /** Readers who have not confirmed an announcement may be reminded once in this many minutes. */
  confirmationReminderMinutes: 60,
  chatAttachmentMbMax: 1024,
  /** Intranet hosts an admin may allow link previews of. */
  linkPreviewAllowHostsMax: 100,
} as const;
