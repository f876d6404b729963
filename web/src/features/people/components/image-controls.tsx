import type { UserProfile } from '@innenhof/contract';
import { Limits } from '@innenhof/contract';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useDeleteUserImage } from '../api/delete-user-image.ts';
import { type UserImageKind, useUploadUserImage } from '../api/upload-user-image.ts';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

/** Profile photo and cover: upload (multipart `file`) or remove. */
export function ImageControls({ profile }: { profile: UserProfile }) {
  return (
    <div className="image-controls">
      <ImageControl profile={profile} kind="avatar" />
      <ImageControl profile={profile} kind="cover" />
    </div>
  );
}

function ImageControl({ profile, kind }: { profile: UserProfile; kind: UserImageKind }) {
  const { t } = useTranslation('people');
  const inputId = useId();
  const upload = useUploadUserImage(profile.id, kind);
  const remove = useDeleteUserImage(profile.id, kind);
  const [tooBig, setTooBig] = useState(false);
  const current = kind === 'avatar' ? profile.avatar : profile.cover;
  const error = upload.error ?? remove.error;

  return (
    <div className="image-control">
      <h3 className="image-control__title">{t(`edit.images.${kind}.title`)}</h3>
      <div className="image-control__preview">
        {kind === 'avatar' ? (
          <Avatar user={profile} size="lg" alt={t('edit.currentPhoto')} />
        ) : current ? (
          <img src={current.small} alt={t('edit.currentCover')} className="image-control__cover" />
        ) : (
          <div className="image-control__cover image-control__cover--empty" />
        )}
      </div>
      <div className="image-control__actions">
        <input
          id={inputId}
          type="file"
          accept={ACCEPT}
          className="file-input"
          disabled={upload.isPending}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            setTooBig(file.size > Limits.imageMaxBytes);
            if (file.size <= Limits.imageMaxBytes) upload.mutate(file);
          }}
        />
        <label htmlFor={inputId} className="button button--small">
          {upload.isPending ? t('edit.uploading') : current ? t(`edit.images.${kind}.replace`) : t(`edit.images.${kind}.upload`)}
        </label>
        {current ? (
          <button type="button" className="button button--small" disabled={remove.isPending} onClick={() => remove.mutate()}>
            {t(`edit.images.${kind}.remove`)}
          </button>
        ) : null}
      </div>
      {tooBig ? <Alert tone="error">{t('common:errors.payload_too_large')}</Alert> : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
    </div>
  );
}
