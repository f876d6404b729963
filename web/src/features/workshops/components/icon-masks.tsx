/** Two speech bubbles, for role-play workshops (navigation). */
export function IconWorkshops(props: { width?: number; height?: number }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={props.width ?? 24}
      height={props.height ?? 24}
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M3 5h11v7H8l-3 3v-3H3z" />
      <path d="M14 9h7v7h-2v3l-3-3h-5v-2" />
    </svg>
  );
}
