import { type ClipboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client.ts';
import { errorMessage } from './errors.ts';
import type { UploadHandle } from './upload-file.ts';

export interface Upload<T> {
  key: string;
  name: string;
  size: number;
  isImage: boolean;
  /** Object URL of the local file (images), for the preview. */
  preview: string | null;
  progress: number;
  status: 'uploading' | 'done' | 'error';
  attachment: T | null;
  error: string | null;
  abort: () => void;
}

export interface UploadOptions<T> {
  /** Starts one file's upload (with progress), e.g. `uploadFile('/posts/attachments', …)`. */
  upload: (file: File, onProgress: (fraction: number) => void) => UploadHandle<T>;
  /** The company's limit for one file, in MB; larger files are refused before they are sent. */
  maxMb: number;
  /** How many files one message or post may carry. */
  maxFiles: number;
  /**
   * The i18n namespace with this composer's `attach.tooMany`, `attach.tooLarge`, `attach.pasted` and `tooFast`
   * (chat and feed word them for their own context).
   */
  namespace: string;
}

/** Files attached in a composer: each uploads at once (progress shown), the message or post later sends their ids. */
export function useUploads<T>({ upload, maxMb, maxFiles, namespace }: UploadOptions<T>) {
  const { t } = useTranslation(namespace);
  const [items, setItems] = useState<Upload<T>[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  // The latest upload function, so that `add` stays stable when the caller passes a new closure each render.
  const uploadRef = useRef(upload);
  uploadRef.current = upload;

  const update = useCallback((key: string, change: Partial<Upload<T>>) => {
    setItems((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  const add = useCallback(
    (files: Iterable<File>) => {
      setNotice(null);
      const room = maxFiles - itemsRef.current.length;
      const list = [...files];
      if (list.length > room) setNotice(t('attach.tooMany', { count: maxFiles }));
      const added: Upload<T>[] = [];
      for (const file of list.slice(0, Math.max(0, room))) {
        const key = crypto.randomUUID();
        const isImage = file.type.startsWith('image/');
        const base: Upload<T> = {
          key,
          name: file.name || t('attach.pasted'),
          size: file.size,
          isImage,
          preview: isImage ? URL.createObjectURL(file) : null,
          progress: 0,
          status: 'uploading',
          attachment: null,
          error: null,
          abort: () => {},
        };
        if (file.size > maxMb * 1024 * 1024) {
          added.push({ ...base, status: 'error', error: t('attach.tooLarge', { name: base.name, mb: maxMb }) });
          continue;
        }
        const handle = uploadRef.current(file, (fraction) => update(key, { progress: Math.round(fraction * 100) }));
        base.abort = handle.abort;
        handle.promise.then(
          (attachment) => update(key, { status: 'done', progress: 100, attachment }),
          (error: unknown) => {
            if (error instanceof DOMException && error.name === 'AbortError') return;
            const message = isApiError(error, 'payload_too_large')
              ? t('attach.tooLarge', { name: base.name, mb: maxMb })
              : isApiError(error, 'rate_limited')
                ? t('tooFast')
                : errorMessage(t, error);
            update(key, { status: 'error', error: message });
          },
        );
        added.push(base);
      }
      setItems((current) => [...current, ...added]);
    },
    [maxFiles, maxMb, t, update],
  );

  /** For the text field's `onPaste`: pasted files (a screenshot) are attached instead of pasted as text. */
  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLElement>) => {
      const files = [...event.clipboardData.files];
      if (files.length) {
        event.preventDefault();
        add(files);
      }
    },
    [add],
  );

  const remove = useCallback((key: string) => {
    const item = itemsRef.current.find((u) => u.key === key);
    if (item) {
      item.abort();
      if (item.preview) URL.revokeObjectURL(item.preview);
    }
    setItems((list) => list.filter((u) => u.key !== key));
  }, []);

  /** After sending: the previews go (their object URLs are released). */
  const clear = useCallback(() => {
    for (const item of itemsRef.current) if (item.preview) URL.revokeObjectURL(item.preview);
    setItems([]);
    setNotice(null);
  }, []);

  useEffect(
    () => () => {
      for (const item of itemsRef.current) {
        if (item.status === 'uploading') item.abort();
        if (item.preview) URL.revokeObjectURL(item.preview);
      }
    },
    [],
  );

  const busy = items.some((u) => u.status === 'uploading');
  const done = items.flatMap((u) => (u.status === 'done' && u.attachment ? [u.attachment] : []));
  const failed = items.some((u) => u.status === 'error');
  return { items, add, onPaste, remove, clear, busy, done, failed, notice, maxMb, full: items.length >= maxFiles, namespace };
}

export type Uploads<T> = ReturnType<typeof useUploads<T>>;
