import type { ReactNode } from 'react';

/** A table that may scroll sideways on phones: a named region the keyboard can reach and scroll. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it.
    <section className="ws-table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
