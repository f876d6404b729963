import type { WorkshopSession } from '@innenhof/contract';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMarkdown } from '../../../lib/markdown.ts';
import { roleName } from '../lib/format.ts';

/** The shared renderer has no headings: a `## line` of a briefing shows as a bold line instead. */
const headingsAsBold = (text: string) => text.replace(/^#{1,6}[ \t]+(.+)$/gm, '**$1**');

function Markdown({ text }: { text: string }) {
  return (
    <div
      className="ws-markdown"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by renderMarkdown (DOMPurify allowlist).
      dangerouslySetInnerHTML={{ __html: renderMarkdown(headingsAsBold(text)) }}
    />
  );
}

/**
 * "My secret briefing": only my own role's (the server sends nothing else); the facilitator gets all of them,
 * one tab per role.
 */
export function BriefingPanel({ session }: { session: WorkshopSession }) {
  const { t } = useTranslation('workshops');
  const id = useId();
  const briefings = session.briefings;
  const [tab, setTab] = useState(0);
  if (briefings?.length) {
    const current = briefings[Math.min(tab, briefings.length - 1)];
    return (
      <section className="card stack ws-briefing ws-no-print" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`} className="card__title">
          {t('briefing.all')}
        </h2>
        <div role="tablist" className="ws-tabs" aria-label={t('briefing.all')}>
          {briefings.map((b, i) => (
            <button
              key={b.roleKey}
              id={`${id}-tab-${i}`}
              type="button"
              role="tab"
              className="ws-tabs__tab"
              aria-selected={i === tab}
              aria-controls={`${id}-panel`}
              tabIndex={i === tab ? 0 : -1}
              onClick={() => setTab(i)}
              onKeyDown={(e) => {
                if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                const next = (i + (e.key === 'ArrowRight' ? 1 : briefings.length - 1)) % briefings.length;
                setTab(next);
                document.getElementById(`${id}-tab-${next}`)?.focus();
              }}
            >
              {roleName(session, b.roleKey)}
            </button>
          ))}
        </div>
        <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${tab}`}>
          {current ? <Markdown text={current.briefing} /> : null}
        </div>
      </section>
    );
  }
  if (!session.myRoleKey) return null;
  return (
    <section className="card stack ws-briefing ws-no-print" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="card__title">
        {t('briefing.mine')}
      </h2>
      <p className="small">
        {t('briefing.youAre')} <strong>{roleName(session, session.myRoleKey)}</strong> · {t('briefing.secret')}
      </p>
      {session.myBriefing ? <Markdown text={session.myBriefing} /> : <p className="muted">{t('briefing.none')}</p>}
    </section>
  );
}

export { Markdown };
