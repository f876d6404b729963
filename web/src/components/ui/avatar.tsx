import type { UserSummary } from '@innenhof/contract';

type Size = 'xs' | 'sm' | 'md' | 'lg' | 'xl';

const pixels: Record<Size, number> = { xs: 28, sm: 36, md: 48, lg: 72, xl: 168 };

interface AvatarProps {
  user: Pick<UserSummary, 'name' | 'avatar' | 'initialsAvatarUrl'>;
  size?: Size;
  /** Empty when the name is printed next to it, so screen readers do not hear it twice. */
  alt?: string;
  className?: string;
}

export function Avatar({ user, size = 'md', alt, className }: AvatarProps) {
  const px = pixels[size];
  const src = user.avatar ? (px > 72 ? user.avatar.large : user.avatar.small) : user.initialsAvatarUrl;
  return (
    <img
      className={`avatar avatar--${size}${className ? ` ${className}` : ''}`}
      src={src}
      alt={alt ?? user.name}
      width={px}
      height={px}
      loading="lazy"
      decoding="async"
    />
  );
}
