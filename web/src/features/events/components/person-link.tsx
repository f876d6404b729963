import type { UserSummary } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { Avatar } from '../../../components/ui/avatar.tsx';

/** A colleague's avatar and name, linking to their profile. */
export function PersonLink({ user }: { user: UserSummary }) {
  return (
    <Link to="/people/$id" params={{ id: user.id }} className="person-link">
      <Avatar user={user} size="xs" alt="" />
      <span>{user.name}</span>
    </Link>
  );
}
