import { ApiError, getCsrfToken } from './api-client.ts';

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort: () => void;
}

/**
 * `POST <path>` (multipart `file`) with XMLHttpRequest, because fetch reports no upload progress. Errors become
 * `ApiError`s like `api()`'s (413 → `payload_too_large`); an abort rejects with an `AbortError` DOMException.
 */
export function uploadFile<T>(path: string, file: File, onProgress: (fraction: number) => void): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', `/api/v1${path}`);
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
        resolve(payload as T);
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
