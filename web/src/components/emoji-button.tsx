import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconSmile } from './ui/icons.tsx';

const EmojiPicker = lazy(() => import('./emoji-picker.tsx').then((m) => ({ default: m.EmojiPicker })));

/**
 * A composer's emoji button: opens the picker (loaded on first use) above it. `block` names the wrapper's
 * class; the popover is `<block>-pop`, so each composer places it in its own layout.
 */
export function EmojiButton({
  label,
  block,
  toolClass,
  iconSize,
  onPick,
  onClose,
}: {
  label: string;
  block: string;
  toolClass: string;
  iconSize: number;
  onPick: (emoji: string) => void;
  /** After Escape: where focus goes back to (the text). */
  onClose: () => void;
}) {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState(false);
  return (
    <div className={block}>
      <button type="button" className={`icon-button ${toolClass}`} aria-expanded={open} aria-haspopup="dialog" title={label} onClick={() => setOpen((v) => !v)}>
        <IconSmile width={iconSize} height={iconSize} />
        <span className="visually-hidden">{label}</span>
      </button>
      {open ? (
        <div className={`${block}-pop`}>
          <Suspense fallback={<p className="muted small">{t('loading')}</p>}>
            <EmojiPicker
              onPick={(emoji) => {
                onPick(emoji);
                setOpen(false);
              }}
              onClose={() => {
                setOpen(false);
                onClose();
              }}
            />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
