import type { Attachment } from '@innenhof/contract';
import { type UploadHandle, uploadFile } from '../../../lib/upload-file.ts';

/**
 * `POST /conversations/:id/attachments` (multipart `file`) with upload progress. The answer is an attachment
 * not yet sent; the message send lists its id.
 */
export function uploadAttachment(conversationId: string, file: File, onProgress: (fraction: number) => void): UploadHandle<Attachment> {
  return uploadFile<Attachment>(`/conversations/${encodeURIComponent(conversationId)}/attachments`, file, onProgress);
}
