import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { useCompany, useMe } from '../../../lib/session.ts';

export function WelcomeCard() {
  const { t } = useTranslation('home');
  const me = useMe();
  const company = useCompany();
  const firstName = me.user.name.split(/\s+/)[0] ?? me.user.name;
  return (
    <section className="card welcome" aria-labelledby="welcome-heading">
      <Avatar user={me.user} size="lg" alt="" />
      <div>
        <h2 id="welcome-heading" className="card__title">
          {t('welcome.title', { name: firstName })}
        </h2>
        {me.user.role === 'guest' ? (
          // Guests see only their groups: no directory, no org chart.
          <p>{t('welcome.guestText', { company: company.data?.companyName ?? 'Innenhof' })}</p>
        ) : (
          <>
            <p>{t('welcome.text', { company: company.data?.companyName ?? 'Innenhof' })}</p>
            <p>
              <Link to="/people">{t('welcome.directory')}</Link>
              {' · '}
              <Link to="/groups">{t('welcome.groups')}</Link>
              {' · '}
              <Link to="/people/org-chart">{t('welcome.orgChart')}</Link>
            </p>
          </>
        )}
      </div>
    </section>
  );
}

export function CompleteProfileHint() {
  const { t, i18n } = useTranslation('home');
  const me = useMe();
  const missing = [!me.user.avatar ? t('complete.photo') : null, !me.user.jobTitle ? t('complete.jobTitle') : null].filter((x): x is string => x !== null);
  if (!missing.length) return null;
  return (
    <section className="card hint" aria-labelledby="complete-heading">
      <h2 id="complete-heading" className="card__title">
        {t('complete.title')}
      </h2>
      <p>{t('complete.text', { missing: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(missing) })}</p>
      <Link to="/people/$id" params={{ id: me.user.id }} className="button button--primary">
        {t('complete.action')}
      </Link>
    </section>
  );
}
