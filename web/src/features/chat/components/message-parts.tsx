import type { Attachment, Message, UserSummary } from '@innenhof/contract';
import { useNavigate } from '@tanstack/react-router';
import { lazy, type MouseEvent, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { formatSize } from '../../../lib/format-size.ts';
import { renderMarkdown } from '../../../lib/markdown.ts';
import { IconFile } from '../../../components/ui/icons.tsx';

export const EmojiPicker = lazy(() => import('../../../components/emoji-picker.tsx').then((m) => ({ default: m.EmojiPicker })));

/** The six quick reactions (Messenger's set). */
export const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'] as const;

/** The rendered, sanitized body; "@Name" mentions link to profiles inside the app. */
export function MessageBody({ body, mentions }: { body: string; mentions: Message['mentions'] }) {
  const navigate = useNavigate();
  const html = useMemo(() => renderMarkdown(body, mentions), [body, mentions]);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a.mention');
    if (!link?.dataset.mention || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate({ to: '/people/$id', params: { id: link.dataset.mention } });
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: clicks on the links inside (real <a> elements, keyboard-reachable).
    // biome-ignore lint/a11y/noStaticElementInteractions: the same: only the links inside are interactive.
    // biome-ignore lint/security/noDangerouslySetInnerHtml: the HTML is sanitized by DOMPurify to a small allowlist (lib/markdown.ts).
    <div className="bubble__body bubble__md" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
  );
}

/** Fits an image into a box, keeping its aspect ratio (so the space is reserved before it loads). */
function fit(width: number | null, height: number | null, box: number): { width: number; height: number } {
  if (!width || !height) return { width: box, height: box };
  const scale = Math.min(1, box / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

export function Attachments({ attachments }: { attachments: Attachment[] }) {
  const { t, i18n } = useTranslation('chat');
  const [open, setOpen] = useState<Attachment | null>(null);
  const images = attachments.filter((a) => a.kind === 'image');
  const files = attachments.filter((a) => a.kind !== 'image');
  if (!attachments.length) return null;
  return (
    <div className="attachments">
      {images.length ? (
        <div className={`attachments__images${images.length > 1 ? ' attachments__images--many' : ''}`}>
          {images.map((image) => {
            const size = fit(image.width, image.height, images.length > 1 ? 160 : 240);
            return (
              <button key={image.id} type="button" className="attachment-image" onClick={() => setOpen(image)}>
                <img src={image.thumbnailUrl ?? image.url} width={size.width} height={size.height} loading="lazy" decoding="async" alt={image.name} />
                <span className="visually-hidden">{t('attach.openImage')}</span>
              </button>
            );
          })}
        </div>
      ) : null}
      {files.map((file) => (
        <a key={file.id} className="file-card" href={file.url} download={file.name}>
          <IconFile width={28} height={28} />
          <span className="file-card__text">
            <span className="file-card__name">{file.name}</span>
            <span className="file-card__meta">
              {formatSize(file.size, i18n.language)} · {t('attach.download')}
            </span>
          </span>
        </a>
      ))}
      <Dialog open={open !== null} title={open?.name ?? ''} onClose={() => setOpen(null)} wide>
        {open ? (
          <div className="lightbox">
            <img className="lightbox__image" src={open.url} alt={open.name} width={open.width ?? undefined} height={open.height ?? undefined} />
            <a className="button button--small" href={open.url} target="_blank" rel="noopener noreferrer">
              {t('attach.openFull')}
            </a>
          </div>
        ) : null}
      </Dialog>
    </div>
  );
}

/** Reaction chips under a message: count, mine highlighted (click toggles), names in the label. */
export function ReactionChips({
  reactions,
  meId,
  members,
  onToggle,
}: {
  reactions: Message['reactions'];
  meId: string;
  members: UserSummary[];
  onToggle: (emoji: string, mine: boolean) => void;
}) {
  const { t, i18n } = useTranslation('chat');
  if (!reactions.length) return null;
  const list = new Intl.ListFormat(i18n.language === 'de' ? 'de-DE' : 'en-GB', { type: 'conjunction' });
  const nameOf = (id: string) => (id === meId ? t('reactions.you') : (members.find((m) => m.id === id)?.name ?? t('formerMember')));
  return (
    <ul className="reactions plain-list" aria-label={t('reactions.label')}>
      {reactions.map((r) => {
        const mine = r.userIds.includes(meId);
        const names = list.format(r.userIds.map(nameOf));
        const label = t('reactions.chip', { emoji: r.emoji, count: r.count, names });
        return (
          <li key={r.emoji}>
            <button
              type="button"
              className={`reaction-chip${mine ? ' reaction-chip--mine' : ''}`}
              aria-pressed={mine}
              aria-label={label}
              title={names}
              onClick={() => onToggle(r.emoji, mine)}
            >
              <span aria-hidden="true">{r.emoji}</span>
              {r.count > 1 ? <span aria-hidden="true">{r.count}</span> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The quick reactions and "more" (the emoji picker), shown over a message. */
export function ReactionBar({ mine, onPick, onClose }: { mine: string | null; onPick: (emoji: string) => void; onClose: () => void }) {
  const { t } = useTranslation('chat');
  const [more, setMore] = useState(false);
  if (more) {
    return (
      <div className="reaction-bar__picker">
        <Suspense fallback={<p className="muted small">{t('common:loading')}</p>}>
          <EmojiPicker label={t('reactions.more')} onPick={onPick} onClose={onClose} />
        </Suspense>
      </div>
    );
  }
  return (
    <div
      className="reaction-bar"
      role="toolbar"
      aria-label={t('reactions.bar')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      {QUICK_REACTIONS.map((emoji) => (
        <button
          key={emoji}
          type="button"
          className={`reaction-bar__emoji${mine === emoji ? ' reaction-bar__emoji--mine' : ''}`}
          aria-pressed={mine === emoji}
          aria-label={t('reactions.react', { emoji })}
          onClick={() => onPick(emoji)}
        >
          {emoji}
        </button>
      ))}
      <button type="button" className="reaction-bar__more" onClick={() => setMore(true)}>
        <span aria-hidden="true">+</span>
        <span className="visually-hidden">{t('reactions.more')}</span>
      </button>
    </div>
  );
}
