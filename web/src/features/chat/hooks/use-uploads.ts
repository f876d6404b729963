import type { Attachment } from '@innenhof/contract';
import { Limits } from '@innenhof/contract';
import { useCompany } from '../../../lib/session.ts';
import { type Uploads, useUploads as useComposerUploads } from '../../../lib/use-uploads.ts';
import { uploadAttachment } from '../api/upload-attachment.ts';

/** The chat composer's files: uploaded to the conversation, within the company's chat file limit. */
export function useUploads(conversationId: string): Uploads<Attachment> {
  const company = useCompany();
  return useComposerUploads<Attachment>({
    upload: (file, onProgress) => uploadAttachment(conversationId, file, onProgress),
    maxMb: company.data?.chatAttachmentMaxMb ?? Limits.chatAttachmentMbDefault,
    maxFiles: Limits.messageAttachmentsMax,
    namespace: 'chat',
  });
}
