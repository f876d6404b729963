import type { PostAttachment } from '@innenhof/contract';
import { Limits } from '@innenhof/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useCompany } from '../../../lib/session.ts';
import { uploadFile } from '../../../lib/upload-file.ts';

export interface PostUpload {
  key: string;
  name: string;
  size: number;
  isImage: boolean;
  /** Object URL of the local file (images), for the preview. */
  preview: string | null;
  progress: number;
  status: 'uploading' | 'done' | 'error';
  attachment: PostAttachment | null;
  error: string | null;
  abort: () => void;
}

/** Files attached in the post composer: each uploads at once (progress shown), the post later lists their ids. */
export function usePostUploads() {
  const { t } = useTranslation('feed');
  const company = useCompany();
  const maxMb = company.data?.chatAttachmentMaxMb ?? 25;
  const [items, setItems] = useState<PostUpload[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const itemsRef = useRef(items);
  itemsRef.current = items;

  const update = useCallback((key: string, change: Partial<PostUpload>) => {
    setItems((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  const add = useCallback(
    (files: Iterable<File>) => {
      setNotice(null);
      const room = Limits.postAttachmentsMax - itemsRef.current.length;
      const list = [...files];
      if (list.length > room) setNotice(t('attach.tooMany', { count: Limits.postAttachmentsMax }));
      const added: PostUpload[] = [];
      for (const file of list.slice(0, Math.max(0, room))) {
        const key = crypto.randomUUID();
        const isImage = file.type.startsWith('image/');
        const base: PostUpload = {
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
        const handle = uploadFile<PostAttachment>('/posts/attachments', file, (fraction) => update(key, { progress: Math.round(fraction * 100) }));
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
    [maxMb, t, update],
  );

  const remove = useCallback((key: string) => {
    const item = itemsRef.current.find((u) => u.key === key);
    if (item) {
      item.abort();
      if (item.preview) URL.revokeObjectURL(item.preview);
    }
    setItems((list) => list.filter((u) => u.key !== key));
  }, []);

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
  return { items, add, remove, clear, busy, done, notice, maxMb, full: items.length >= Limits.postAttachmentsMax };
}

export type PostUploads = ReturnType<typeof usePostUploads>;
