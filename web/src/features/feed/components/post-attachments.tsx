import type { PostAttachment } from '@innenhof/contract';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { IconFile } from '../../../components/ui/icons.tsx';
import { formatSize } from '../../../lib/format-size.ts';

/** Images as Facebook lays them out (1, 2, 3, 4 and "+N"), files as cards; a click opens the lightbox. */
export function PostAttachments({ attachments }: { attachments: PostAttachment[] }) {
  const { t, i18n } = useTranslation('feed');
  const [open, setOpen] = useState<number | null>(null);
  const images = attachments.filter((a) => a.kind === 'image');
  const files = attachments.filter((a) => a.kind !== 'image');
  if (!attachments.length) return null;
  const shown = images.slice(0, 4);
  const extra = images.length - shown.length;
  return (
    <div className="post-attachments">
      {images.length ? (
        <ul className={`image-grid image-grid--${Math.min(images.length, 4)} plain-list`} aria-label={t('attach.images', { count: images.length })}>
          {shown.map((image, index) => (
            <li key={image.id} className="image-grid__cell">
              <button type="button" className="image-grid__button" onClick={() => setOpen(index)}>
                <img
                  src={images.length === 1 ? image.url : (image.thumbnailUrl ?? image.url)}
                  width={image.width ?? undefined}
                  height={image.height ?? undefined}
                  alt={image.name}
                  loading="lazy"
                  decoding="async"
                />
                {index === 3 && extra > 0 ? (
                  <span className="image-grid__more" aria-hidden="true">
                    +{extra}
                  </span>
                ) : null}
                <span className="visually-hidden">{extra > 0 && index === 3 ? t('attach.openMore', { count: extra }) : t('attach.openImage')}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {files.length ? (
        <ul className="file-cards plain-list">
          {files.map((file) => (
            <li key={file.id}>
              <a className="file-card" href={file.url} download={file.name}>
                <IconFile width={28} height={28} />
                <span className="file-card__text">
                  <span className="file-card__name">{file.name}</span>
                  <span className="muted small">{formatSize(file.size, i18n.language)}</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {open !== null ? <Lightbox images={images} start={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

function Lightbox({ images, start, onClose }: { images: PostAttachment[]; start: number; onClose: () => void }) {
  const { t } = useTranslation('feed');
  const [index, setIndex] = useState(start);
  const count = images.length;
  const go = (step: number) => setIndex((i) => (i + step + count) % count);
  // Arrow keys page through the photos wherever the focus is in the dialog.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'ArrowRight') setIndex((i) => (i + 1) % count);
      else if (event.key === 'ArrowLeft') setIndex((i) => (i - 1 + count) % count);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count]);
  const image = images[index];
  if (!image) return null;
  return (
    <Dialog open wide title={t('attach.imageOf', { index: index + 1, count: images.length, name: image.name })} onClose={onClose}>
      <div className="lightbox">
        <img className="lightbox__image" src={image.url} alt={image.name} />
        {images.length > 1 ? (
          <div className="lightbox__nav">
            <button type="button" className="button" onClick={() => go(-1)}>
              {t('attach.previous')}
            </button>
            <a className="button" href={image.url} download={image.name}>
              {t('attach.download')}
            </a>
            <button type="button" className="button" onClick={() => go(1)}>
              {t('attach.next')}
            </button>
          </div>
        ) : (
          <div className="lightbox__nav">
            <a className="button" href={image.url} download={image.name}>
              {t('attach.download')}
            </a>
          </div>
        )}
      </div>
    </Dialog>
  );
}
