import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../lib/format-size.ts';
import type { Uploads } from '../lib/use-uploads.ts';
import { IconClose, IconFile } from './ui/icons.tsx';
import './upload-previews.css';

/**
 * The files waiting in a composer: thumbnail or file icon, name, size or error, a progress bar while uploading,
 * and a remove button. Chips in a row (chat) or tiles in a grid (post editor).
 */
export function UploadPreviews<T>({ uploads, layout }: { uploads: Uploads<T>; layout: 'chips' | 'tiles' }) {
  const { t, i18n } = useTranslation(uploads.namespace);
  if (!uploads.items.length) return null;
  return (
    <ul className={`upload-previews upload-previews--${layout} plain-list`} aria-label={t('attach.list')}>
      {uploads.items.map((u) => (
        <li key={u.key} className={`upload-preview${u.status === 'error' ? ' upload-preview--error' : ''}`}>
          {u.preview ? (
            <img className="upload-preview__thumb" src={u.preview} alt="" width={40} height={40} />
          ) : (
            <IconFile width={layout === 'tiles' ? 28 : 24} height={layout === 'tiles' ? 28 : 24} />
          )}
          <span className="upload-preview__text">
            <span className="upload-preview__name">{u.name}</span>
            {u.status === 'error' ? (
              <span className="upload-preview__error">{u.error}</span>
            ) : (
              <span className="upload-preview__meta">{u.status === 'done' ? formatSize(u.size, i18n.language) : t('attach.uploading')}</span>
            )}
            {u.status === 'uploading' ? (
              <span
                className="upload-preview__progress"
                role="progressbar"
                aria-label={t('attach.progress', { name: u.name })}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={u.progress}
              >
                <span className="upload-preview__bar" style={{ width: `${u.progress}%` }} />
              </span>
            ) : null}
          </span>
          <button type="button" className="icon-button upload-preview__remove" onClick={() => uploads.remove(u.key)}>
            <IconClose width={16} height={16} />
            <span className="visually-hidden">{t('attach.remove', { name: u.name })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The hidden file input behind a composer's attach button (`inputRef.current.click()` opens the file dialog). */
export function FileInput({ inputRef, onFiles }: { inputRef: RefObject<HTMLInputElement | null>; onFiles: (files: FileList) => void }) {
  return (
    <input
      ref={inputRef}
      type="file"
      multiple
      hidden
      tabIndex={-1}
      aria-hidden="true"
      onChange={(e) => {
        if (e.target.files?.length) onFiles(e.target.files);
        e.target.value = '';
      }}
    />
  );
}
