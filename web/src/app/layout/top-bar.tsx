import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/ui/avatar.tsx';
import { IconBookmark, IconLifebuoy, IconLogout, IconOrgChart, IconSettings, IconShield, IconWorkshops } from '../../components/ui/icons.tsx';
import { useLogout } from '../../features/auth/api/logout.ts';
import { NotificationBell } from '../../features/notifications/components/notification-bell.tsx';
import { useCompany, useMe } from '../../lib/session.ts';
import { CompanyMark } from './company-mark.tsx';
import { TopBarChatLink } from './navigation.tsx';
import { TopSearch } from './top-search.tsx';
import { useDismiss } from '../../lib/use-dismiss.ts';

export function TopBar() {
  const { t } = useTranslation('common');
  const company = useCompany();
  const me = useMe();
  return (
    <header className="top-bar">
      <Link to="/" className="top-bar__brand" aria-label={t('homeOf', { company: company.data?.companyName ?? 'Innenhof' })}>
        <CompanyMark company={company.data} hideNameOnPhones />
      </Link>
      {/* No directory to search (guests): the spacer keeps the menu on the right. */}
      {!me.abilities.viewDirectory ? <span className="top-bar__spacer" /> : <TopSearch />}
      <TopBarChatLink />
      <NotificationBell />
      <ProfileMenu />
    </header>
  );
}

/** Disclosure menu: a button that shows a list of links; Escape or a click outside closes it. */
function ProfileMenu() {
  const { t } = useTranslation('common');
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, rootRef, buttonRef);

  return (
    <div className="profile-menu" ref={rootRef}>
      <button ref={buttonRef} type="button" className="profile-menu__button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((o) => !o)}>
        <Avatar user={me.user} size="sm" alt="" />
        <span className="visually-hidden">{t('profileMenu', { name: me.user.name })}</span>
      </button>
      <div id={menuId} className="profile-menu__popup" hidden={!open}>
        <ul className="plain-list">
          <li>
            <Link to="/people/$id" params={{ id: me.user.id }} className="profile-menu__item profile-menu__me" onClick={close}>
              <Avatar user={me.user} size="md" alt="" />
              <span>
                <span className="profile-menu__name">{me.user.name}</span>
                <span className="profile-menu__sub">{t('viewProfile')}</span>
              </span>
            </Link>
          </li>
          {me.abilities.viewDirectory ? (
            <li>
              <Link to="/people/org-chart" className="profile-menu__item" onClick={close}>
                <IconOrgChart width={20} height={20} /> {t('nav.orgChart')}
              </Link>
            </li>
          ) : null}
          {me.abilities.viewDirectory ? (
            <li>
              <Link to="/escalation" className="profile-menu__item" onClick={close}>
                <IconLifebuoy width={20} height={20} /> {t('nav.escalation')}
              </Link>
            </li>
          ) : null}
          {me.user.role !== 'guest' ? (
            <li>
              <Link to="/workshops" className="profile-menu__item" onClick={close}>
                <IconWorkshops width={20} height={20} /> {t('nav.workshops')}
              </Link>
            </li>
          ) : null}
          <li>
            <Link to="/saved" className="profile-menu__item" onClick={close}>
              <IconBookmark width={20} height={20} /> {t('nav.saved')}
            </Link>
          </li>
          <li>
            <Link to="/settings" className="profile-menu__item" onClick={close}>
              <IconSettings width={20} height={20} /> {t('nav.settings')}
            </Link>
          </li>
          {me.abilities.administer ? (
            <li>
              <Link to="/admin" className="profile-menu__item" onClick={close}>
                <IconShield width={20} height={20} /> {t('nav.admin')}
              </Link>
            </li>
          ) : null}
          <li>
            <button
              type="button"
              className="profile-menu__item"
              disabled={logout.isPending}
              onClick={async () => {
                close();
                try {
                  await logout.mutateAsync(false);
                } finally {
                  await navigate({ to: '/login' });
                }
              }}
            >
              <IconLogout width={20} height={20} /> {t('logout')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
