import type { SVGProps } from 'react';

/** A bar chart: the poll button and label. */
export function IconPoll(props: SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      <path d="M3 21h18" />
      <rect x="5" y="11" width="3" height="7" rx="0.5" />
      <rect x="10.5" y="5" width="3" height="13" rx="0.5" />
      <rect x="16" y="8" width="3" height="10" rx="0.5" />
    </svg>
  );
}
