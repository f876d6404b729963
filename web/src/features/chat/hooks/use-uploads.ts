import type { Attachment } from '@innenhof/contract';
import { Limits } from '@innenhof/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useCompany } from '../../../lib/session.ts';
import { uploadAttachment } from '../api/upload-attachment.ts';

export interface Upload {
  key: string;
  name: string;
  size: number;
  isImage: boolean;
  /** Object URL of the local file (images), for the preview chip. */
  preview: string | null;
  progress: number;
  status: 'uploading' | 'done' | 'error';
  attachment: Attachment | null;
  error: string | null;
  abort: () => void;
}

/** Files attached in the composer: each uploads at once (progress shown), the message later sends their ids. */
export function useUploads(conversationId: string) {
  const { t } = useTranslation('chat');
  const company = useCompany();
  const maxMb = company.data?.chatAttachmentMaxMb ?? 25;
  const [items, setItems] = useState<Upload[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const itemsRef = useRef(items);
  itemsRef.current = items;

  const update = useCallback((key: string, change: Partial<Upload>) => {
    setItems((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  const add = useCallback(
    (files: Iterable<File>) => {
      setNotice(null);
      const room = Limits.messageAttachmentsMax - itemsRef.current.length;
      const list = [...files];
      if (list.length > room) setNotice(t('attach.tooMany', { count: Limits.messageAttachmentsMax }));
      const added: Upload[] = [];
      for (const file of list.slice(0, Math.max(0, room))) {
        const key = crypto.randomUUID();
        const isImage = file.type.startsWith('image/');
        const base: Upload = {
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
        const handle = uploadAttachment(conversationId, file, (fraction) => update(key, { progress: Math.round(fraction * 100) }));
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
    [conversationId, maxMb, t, update],
  );

  const remove = useCallback((key: string) => {
    const item = itemsRef.current.find((u) => u.key === key);
    if (item) {
      item.abort();
      if (item.preview) URL.revokeObjectURL(item.preview);
    }
    setItems((list) => list.filter((u) => u.key !== key));
  }, []);

  /** After sending: the chips go (their object URLs are released). */
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
  return { items, add, remove, clear, busy, done, failed, notice, maxMb };
}

export type Uploads = ReturnType<typeof useUploads>;
