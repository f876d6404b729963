import type { GroupSummary } from '@innenhof/contract';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { IconImage } from '../../../components/ui/icons.tsx';
import { useMe } from '../../../lib/session.ts';
import { IconPoll } from '../../../components/ui/icons.tsx';
import './feed.css';

const ComposerDialog = lazy(() => import('./composer-dialog.tsx').then((m) => ({ default: m.ComposerDialog })));

/** "What's on your mind, Anna?": a small box that opens the editor (loaded on first use). */
export function PostComposer({ group }: { group?: GroupSummary }) {
  const { t } = useTranslation(['feed', 'polls']);
  const me = useMe();
  const [open, setOpen] = useState<false | 'text' | 'media' | 'poll'>(false);
  const firstName = me.user.name.split(/\s+/)[0] ?? me.user.name;
  const prompt = t('composer.prompt', { name: firstName });
  return (
    <section className="card composer-box" aria-label={t('composer.label')}>
      <div className="composer-box__row">
        <Avatar user={me.user} size="sm" alt="" />
        <button type="button" className="composer-box__open" onClick={() => setOpen('text')} aria-haspopup="dialog">
          {prompt}
        </button>
      </div>
      <div className="composer-box__tools">
        <button type="button" className="post-action" onClick={() => setOpen('media')} aria-haspopup="dialog">
          <IconImage width={20} height={20} className="composer-box__photo" />
          <span>{t('composer.photo')}</span>
        </button>
        <button type="button" className="post-action" onClick={() => setOpen('poll')} aria-haspopup="dialog">
          <IconPoll width={20} height={20} className="composer-box__poll" />
          <span>{t('polls:composer.button')}</span>
        </button>
      </div>
      {open ? (
        <Suspense fallback={null}>
          <ComposerDialog group={group} prompt={prompt} pickFiles={open === 'media'} startPoll={open === 'poll'} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </section>
  );
}
