import type { UserProfile, UserSummary } from '@innenhof/contract';
import { abilities, type Actor } from '../../core/policy/index.js';
import { imageUrls } from '../../core/storage.js';
import type { UserRow } from './repository.js';

export function presentSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    name: row.name,
    jobTitle: row.job_title,
    department: row.department,
    location: row.location,
    role: row.role,
    status: row.status,
    avatar: imageUrls(row.avatar_file_id),
    initialsAvatarUrl: `/api/v1/users/${row.id}/initials.svg`,
    createdAt: row.created_at,
  };
}

export function userAbilities(actor: Actor | null, row: UserRow): UserProfile['abilities'] {
  return abilities(actor, row, { update: 'user.update', updateRole: 'user.update_role', deactivate: 'user.deactivate' });
}

export function presentProfile(actor: Actor | null, row: UserRow, manager: UserRow | null, reports: UserRow[]): UserProfile {
  return {
    ...presentSummary(row),
    email: row.email,
    phone: row.phone,
    about: row.about,
    skills: JSON.parse(row.skills) as string[],
    cover: imageUrls(row.cover_file_id),
    manager: manager ? presentSummary(manager) : null,
    reports: reports.map(presentSummary),
    abilities: userAbilities(actor, row),
  };
}

const PALETTE = ['#1b74e4', '#0a7c66', '#b4235a', '#7b3fe4', '#c2410c', '#2f6f3e', '#9a3412', '#3730a3', '#0e7490', '#a21caf'];

/** Initials avatar: an SVG made here, nothing downloaded. Colour is stable per user id. */
export function initialsSvg(id: string, name: string): string {
  const initials =
    name
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => Array.from(w)[0] ?? '')
      .filter((c) => /[\p{L}\p{N}]/u.test(c))
      .slice(0, 2)
      .join('')
      .toUpperCase() || '?';
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const bg = PALETTE[h % PALETTE.length];
  const esc = initials.replace(/[&<>"']/g, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img"><rect width="100" height="100" fill="${bg}"/><text x="50" y="50" dy=".35em" text-anchor="middle" font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif" font-size="40" font-weight="600" fill="#fff">${esc}</text></svg>`;
}
