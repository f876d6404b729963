import { ColleaguesCard } from '../../features/people/components/colleagues-card.tsx';
import { HomePage } from '../../features/home/components/home-page.tsx';
import { useMe } from '../../lib/session.ts';

/** Home composes cards from several features (the app layer may, features may not). */
export function HomeRoute() {
  const me = useMe();
  return <HomePage aside={<ColleaguesCard excludeId={me.user.id} headingId="home-colleagues" />} />;
}
