import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/ui/avatar.tsx';
import {
  IconBookmark,
  IconCalendar,
  IconChat,
  IconGroups,
  IconHome,
  IconLifebuoy,
  IconOrgChart,
  IconPeople,
  IconSettings,
  IconShield,
  IconWorkshops,
} from '../../components/ui/icons.tsx';
import { useUnreadTotal } from '../../features/chat/api/get-unread-total.ts';
import { useMe } from '../../lib/session.ts';

type NavTarget = '/' | '/groups' | '/events' | '/chat' | '/people' | '/people/org-chart' | '/escalation' | '/workshops' | '/saved' | '/settings' | '/admin';

interface NavItem {
  to: NavTarget;
  label: string;
  icon: ReactNode;
  exact: boolean;
  /** A count shown on the item (unread chat messages). */
  badge?: number;
  /** The label in the phone's bottom bar, where space is short. */
  short?: string;
}

function useNavItems(): NavItem[] {
  const { t } = useTranslation('common');
  const me = useMe();
  const unread = useUnreadTotal();
  const items: NavItem[] = [
    { to: '/', label: t('nav.home'), icon: <IconHome />, exact: true },
    { to: '/groups', label: t('nav.groups'), icon: <IconGroups />, exact: false },
    { to: '/events', label: t('nav.events'), short: t('nav.eventsShort'), icon: <IconCalendar />, exact: false },
    { to: '/chat', label: t('nav.chat'), icon: <IconChat />, exact: false, badge: unread },
    // Without the directory (guests) only the people of one's groups are visible.
    ...(!me.abilities.viewDirectory
      ? []
      : [
          { to: '/people', label: t('nav.people'), icon: <IconPeople />, exact: true } as const,
          { to: '/people/org-chart', label: t('nav.orgChart'), icon: <IconOrgChart />, exact: true } as const,
          { to: '/escalation', label: t('nav.escalation'), icon: <IconLifebuoy />, exact: false } as const,
        ]),
    // Role-play workshops are for employees (guests take no part).
    ...(me.user.role === 'guest' ? [] : [{ to: '/workshops', label: t('nav.workshops'), icon: <IconWorkshops />, exact: false } as const]),
    { to: '/saved', label: t('nav.saved'), icon: <IconBookmark />, exact: true },
    { to: '/settings', label: t('nav.settings'), icon: <IconSettings />, exact: true },
  ];
  if (me.abilities.administer) items.push({ to: '/admin', label: t('nav.admin'), icon: <IconShield />, exact: false });
  return items;
}

export function LeftNav() {
  const { t } = useTranslation('common');
  const me = useMe();
  const items = useNavItems();
  return (
    <nav className="left-nav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <Link to="/people/$id" params={{ id: me.user.id }} className="left-nav__link">
            <Avatar user={me.user} size="xs" alt="" />
            <span>{me.user.name}</span>
          </Link>
        </li>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} activeOptions={{ exact: item.exact }} className="left-nav__link">
              <span className="left-nav__icon">{item.icon}</span>
              <span>{item.label}</span>
              <NavBadge count={item.badge} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Phones: four tabs, so labels stay whole (German ones are long); the org chart, "Who do I turn to?", Workshops, Saved, Settings and Admin are in
 * the account menu of the top bar, Chat is an icon in the top bar.
 */
const inAccountMenu = new Set<NavTarget>(['/people/org-chart', '/escalation', '/workshops', '/saved', '/settings', '/admin', '/chat']);

export function BottomTabs() {
  const { t } = useTranslation('common');
  const items = useNavItems()
    .filter((item) => !inAccountMenu.has(item.to))
    .slice(0, 5);
  return (
    <nav className="bottom-tabs" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} activeOptions={{ exact: item.exact }} className="bottom-tabs__link">
              {item.icon}
              <span className="bottom-tabs__label">{item.short ?? item.label}</span>
              <NavBadge count={item.badge} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The chat link with its unread badge in the top bar (`GET /conversations/unread`, muted chats left out). */
export function TopBarChatLink() {
  const { t } = useTranslation('common');
  const unread = useUnreadTotal();
  return (
    <Link to="/chat" className="top-bar__chat">
      <IconChat />
      <span className="visually-hidden">{t('nav.chat')}</span>
      <NavBadge count={unread} />
    </Link>
  );
}

function NavBadge({ count }: { count: number | undefined }) {
  const { t } = useTranslation('common');
  if (!count) return null;
  return (
    <span className="nav-badge">
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">{t('nav.chatUnread', { count })}</span>
    </span>
  );
}
