import type { ReactionKind, ReactionSummary } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { IconThumbUp } from '../../../components/ui/icons.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useReactors } from '../api/get-post.ts';
import { REACTIONS, reactionEmoji } from '../lib/reactions.ts';

/**
 * "Like": a click likes (or takes my reaction back); hovering, a long press or the arrow key shows all six
 * reactions, as on Facebook.
 */
export function ReactionButton({
  mine,
  onReact,
  disabled,
  compact,
}: {
  mine: ReactionKind | null;
  onReact: (kind: ReactionKind | null) => void;
  disabled?: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation('feed');
  const [open, setOpen] = useState(false);
  const id = useId();
  const showTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pressTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const longPressed = useRef(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const clear = useCallback(() => {
    for (const timer of [showTimer, hideTimer, pressTimer]) {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    }
  }, []);
  useEffect(() => clear, [clear]);
  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      if (rootRef.current && event.target instanceof Node && !rootRef.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  const choose = (kind: ReactionKind) => {
    clear();
    setOpen(false);
    onReact(mine === kind ? null : kind);
    buttonRef.current?.focus();
  };

  const onToolbarKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(rootRef.current?.querySelectorAll<HTMLButtonElement>('.reaction-picker__option') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const next = event.key === 'ArrowRight' ? (index + 1) % buttons.length : (index - 1 + buttons.length) % buttons.length;
      buttons[next]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };

  const current = REACTIONS.find((r) => r.kind === mine);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hovering only opens a shortcut; the keyboard has ArrowUp on the button.
    <div
      ref={rootRef}
      className={`reaction-button${compact ? ' reaction-button--compact' : ''}`}
      onMouseEnter={() => {
        if (disabled) return;
        if (hideTimer.current) clearTimeout(hideTimer.current);
        showTimer.current = setTimeout(() => setOpen(true), 450);
      }}
      onMouseLeave={() => {
        if (showTimer.current) clearTimeout(showTimer.current);
        hideTimer.current = setTimeout(() => setOpen(false), 350);
      }}
    >
      {open ? (
        <div id={`${id}-picker`} role="toolbar" aria-label={t('reactions.choose')} className="reaction-picker" onKeyDown={onToolbarKey}>
          {REACTIONS.map((r) => (
            <button
              key={r.kind}
              type="button"
              className={`reaction-picker__option${r.kind === mine ? ' reaction-picker__option--mine' : ''}`}
              aria-label={t(`reactions.kinds.${r.kind}`)}
              aria-pressed={r.kind === mine}
              title={t(`reactions.kinds.${r.kind}`)}
              onClick={() => choose(r.kind)}
            >
              <span aria-hidden="true">{r.emoji}</span>
            </button>
          ))}
        </div>
      ) : null}
      <button
        ref={buttonRef}
        type="button"
        className={`${compact ? 'link-button comment__action' : 'post-action'}${current ? ` reaction--${current.kind} is-reacted` : ''}`}
        aria-pressed={mine !== null}
        aria-haspopup="true"
        aria-expanded={open}
        aria-keyshortcuts="ArrowUp"
        disabled={disabled}
        onPointerDown={(event) => {
          if (event.pointerType !== 'touch') return;
          longPressed.current = false;
          pressTimer.current = setTimeout(() => {
            longPressed.current = true;
            setOpen(true);
          }, 500);
        }}
        onPointerUp={() => {
          if (pressTimer.current) clearTimeout(pressTimer.current);
        }}
        onContextMenu={(event) => {
          if (longPressed.current) event.preventDefault();
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
            requestAnimationFrame(() => rootRef.current?.querySelector<HTMLButtonElement>('.reaction-picker__option')?.focus());
          }
        }}
        onClick={() => {
          if (longPressed.current) {
            longPressed.current = false;
            return;
          }
          clear();
          setOpen(false);
          onReact(mine ? null : 'like');
        }}
      >
        {compact ? null : current ? <span aria-hidden="true">{current.emoji}</span> : <IconThumbUp width={18} height={18} />}
        <span>{current ? t(`reactions.kinds.${current.kind}`) : t('reactions.like')}</span>
      </button>
    </div>
  );
}

/** The icons of the most given reactions and the total; opens who reacted. */
export function ReactionSummaryButton({ summary, postId, commentId }: { summary: ReactionSummary; postId: string; commentId?: string }) {
  const { t } = useTranslation('feed');
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  if (!summary.total) return null;
  const top = [...summary.counts].sort((a, b) => b.count - a.count).slice(0, 3);
  return (
    <>
      <button type="button" className={`reaction-summary${commentId ? ' reaction-summary--comment' : ''}`} onClick={() => setOpen(true)}>
        <span className="reaction-summary__icons" aria-hidden="true">
          {top.map((c) => (
            <span key={c.kind} className="reaction-summary__icon">
              {reactionEmoji(c.kind)}
            </span>
          ))}
        </span>
        <span aria-hidden="true">{format.number(summary.total)}</span>
        <span className="visually-hidden">{t('reactions.summary', { count: summary.total })}</span>
      </button>
      {open ? <ReactorsDialog postId={postId} commentId={commentId ?? null} summary={summary} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ReactorsDialog({ postId, commentId, summary, onClose }: { postId: string; commentId: string | null; summary: ReactionSummary; onClose: () => void }) {
  const { t } = useTranslation('feed');
  const [tab, setTab] = useState<'all' | ReactionKind>('all');
  // Each tab pages on its own (newest first), so a kind's list is complete however many reacted.
  const reactors = useReactors(postId, commentId, tab === 'all' ? null : tab, true);
  const id = useId();
  const tabs: ('all' | ReactionKind)[] = ['all', ...summary.counts.map((c) => c.kind)];
  const shown = reactors.data?.pages.flatMap((page) => page.items) ?? [];
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const index = tabs.indexOf(tab);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length] ?? 'all';
    setTab(next);
    requestAnimationFrame(() => document.getElementById(`${id}-tab-${next}`)?.focus());
  };
  return (
    <Dialog open title={t('reactions.title')} onClose={onClose}>
      <div role="tablist" aria-label={t('reactions.title')} className="reactor-tabs" onKeyDown={onTabKey}>
        {tabs.map((kind) => (
          <button
            key={kind}
            id={`${id}-tab-${kind}`}
            type="button"
            role="tab"
            aria-selected={tab === kind}
            aria-controls={`${id}-panel`}
            tabIndex={tab === kind ? 0 : -1}
            className="reactor-tabs__tab"
            onClick={() => setTab(kind)}
          >
            {kind === 'all' ? (
              t('reactions.all', { count: summary.total })
            ) : (
              <>
                <span aria-hidden="true">{reactionEmoji(kind)} </span>
                <span className="visually-hidden">{t(`reactions.kinds.${kind}`)} </span>
                {summary.counts.find((c) => c.kind === kind)?.count ?? 0}
              </>
            )}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${tab}`}>
        {reactors.isPending ? <Spinner /> : null}
        {reactors.isError ? <p className="alert alert--error">{errorMessage(t, reactors.error)}</p> : null}
        <ul className="plain-list reactor-list">
          {shown.map((r) => (
            <li key={r.user.id} className="reactor-list__item">
              <span className="reactor-list__avatar">
                <Avatar user={r.user} size="sm" alt="" />
                <span className="reactor-list__badge" aria-hidden="true">
                  {reactionEmoji(r.kind)}
                </span>
              </span>
              <Link to="/people/$id" params={{ id: r.user.id }}>
                {r.user.name}
              </Link>
              <span className="visually-hidden">{t(`reactions.kinds.${r.kind}`)}</span>
            </li>
          ))}
        </ul>
        {reactors.hasNextPage ? (
          <button
            type="button"
            className="button button--small reactor-list__more"
            disabled={reactors.isFetchingNextPage}
            aria-busy={reactors.isFetchingNextPage}
            onClick={() => void reactors.fetchNextPage()}
          >
            {t('reactions.showMore')}
          </button>
        ) : null}
      </div>
    </Dialog>
  );
}
