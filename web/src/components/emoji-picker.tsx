/**
 * A small emoji picker on the data of `emoji-picker-element-data` (German and English CLDR names), built into
 * our own assets: nothing is fetched from another origin, and no inline styles are needed (strict CSP).
 * This module is loaded lazily, and its data only when the picker first opens.
 */
import deData from 'emoji-picker-element-data/de/cldr/data.json?url';
import enData from 'emoji-picker-element-data/en/cldr/data.json?url';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './emoji-picker.css';

interface EmojiEntry {
  emoji: string;
  annotation: string;
  tags?: string[];
  group?: number;
  order?: number;
  version?: number;
}

/** Groups shown as tabs (2 holds only the skin-tone components). */
const GROUPS = [0, 1, 3, 4, 5, 6, 7, 8, 9] as const;
const GROUP_ICONS: Record<number, string> = { 0: '😀', 1: '👋', 3: '🐻', 4: '🍔', 5: '🚗', 6: '⚽', 7: '💡', 8: '❤️', 9: '🏁' };
/** Newer emoji than this are missing from many systems' fonts. */
const MAX_VERSION = 14;

const cache = new Map<string, Promise<EmojiEntry[]>>();
function loadEmoji(language: string): Promise<EmojiEntry[]> {
  const lang = language === 'de' ? 'de' : 'en';
  let p = cache.get(lang);
  if (!p) {
    p = fetch(lang === 'de' ? deData : enData, { credentials: 'same-origin' })
      .then((r) => {
        if (!r.ok) throw new Error(String(r.status));
        return r.json() as Promise<EmojiEntry[]>;
      })
      .then((list) => list.filter((e) => e.group !== undefined && e.group !== 2 && (e.version ?? 0) <= MAX_VERSION));
    p.catch(() => cache.delete(lang));
    cache.set(lang, p);
  }
  return p;
}

export function EmojiPicker({ onPick, onClose, label }: { onPick: (emoji: string) => void; onClose: () => void; label?: string }) {
  const { t, i18n } = useTranslation('common');
  const [all, setAll] = useState<EmojiEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [group, setGroup] = useState<number>(0);
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    let alive = true;
    loadEmoji(i18n.language).then(
      (list) => alive && setAll(list),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [i18n.language]);

  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    searchRef.current?.focus();
    const onDown = (event: PointerEvent) => {
      if (rootRef.current && event.target instanceof Node && !rootRef.current.contains(event.target)) closeRef.current();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, []);

  const shown = useMemo(() => {
    if (!all) return [];
    const q = query.trim().toLowerCase();
    if (!q) return all.filter((e) => e.group === group);
    return all.filter((e) => e.annotation.toLowerCase().includes(q) || e.tags?.some((tag) => tag.toLowerCase().startsWith(q))).slice(0, 120);
  }, [all, group, query]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    // Arrow keys move through the grid of emoji buttons.
    const target = event.target as HTMLElement;
    if (!target.classList.contains('emoji-picker__emoji')) return;
    const buttons = [...(rootRef.current?.querySelectorAll<HTMLButtonElement>('.emoji-picker__emoji') ?? [])];
    const index = buttons.indexOf(target as HTMLButtonElement);
    const grid = rootRef.current?.querySelector('.emoji-picker__grid');
    const columns = grid ? Math.max(1, Math.round(grid.clientWidth / 36)) : 8;
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      buttons[Math.min(buttons.length - 1, Math.max(0, index + step))]?.focus();
    }
  };

  return (
    <div ref={rootRef} className="emoji-picker" role="dialog" aria-label={label ?? t('emoji.title')} onKeyDown={onKeyDown}>
      <label htmlFor={`${id}-search`} className="visually-hidden">
        {t('emoji.search')}
      </label>
      <input
        ref={searchRef}
        id={`${id}-search`}
        className="input emoji-picker__search"
        type="search"
        placeholder={t('emoji.search')}
        value={query}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
      />
      {query.trim() ? null : (
        <div className="emoji-picker__groups">
          {GROUPS.map((g) => (
            <button
              key={g}
              type="button"
              className={`emoji-picker__group${g === group ? ' emoji-picker__group--active' : ''}`}
              aria-pressed={g === group}
              title={t(`emoji.groups.${g}`)}
              onClick={() => setGroup(g)}
            >
              <span aria-hidden="true">{GROUP_ICONS[g]}</span>
              <span className="visually-hidden">{t(`emoji.groups.${g}`)}</span>
            </button>
          ))}
        </div>
      )}
      <div className="emoji-picker__grid">
        {failed ? <p className="muted small">{t('emoji.failed')}</p> : null}
        {!all && !failed ? <p className="muted small">{t('loading')}</p> : null}
        {all && !shown.length ? <p className="muted small">{t('emoji.none')}</p> : null}
        {shown.map((e) => (
          <button key={e.emoji} type="button" className="emoji-picker__emoji" title={e.annotation} aria-label={e.annotation} onClick={() => onPick(e.emoji)}>
            {e.emoji}
          </button>
        ))}
      </div>
    </div>
  );
}
