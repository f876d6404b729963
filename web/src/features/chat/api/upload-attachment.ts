import type { Attachment } from '@innenhof/contract';
import { ApiError, getCsrfToken } from '../../../lib/api-client.ts';

export interface UploadHandle {
  promise: Promise<Attachment>;
  abort: () => void;
}

/**
 * `POST /conversations/:id/attachments` (multipart `file`) with XMLHttpRequest, because fetch reports no
 * upload progress. The answer is an attachment not yet sent; the message send lists its id.
 */
export function uploadAttachment(conversationId: string, file: File, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<Attachment>((resolve, reject) => {
    xhr.open('POST', `/api/v1/conversations/${encodeURIComponent(conversationId)}/attachments`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300 && payload) {
        onProgress(1);
        resolve(payload as Attachment);
        return;
      }
      const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      const code = error?.code ?? (xhr.status === 413 ? 'payload_too_large' : xhr.status === 429 ? 'rate_limited' : 'internal');
      reject(new ApiError(xhr.status, code, error?.message ?? code, error?.details));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Network error'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
  return { promise, abort: () => xhr.abort() };
}
