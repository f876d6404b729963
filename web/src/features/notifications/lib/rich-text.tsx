import { Fragment, type ReactNode } from 'react';

/** Marks a placeholder in a translated string; control characters never occur in the translations. */
const MARK = '\u0001';

/** The value to pass to `t()` for a placeholder that `fillParts` replaces with a React node. */
export function part(name: string): string {
  return `${MARK}${name}${MARK}`;
}

/**
 * Splits a translated string at the `part()` markers and puts the nodes in. Names and group names are never
 * interpolated into the string itself, so they cannot be mistaken for markup.
 */
export function fillParts(text: string, parts: Record<string, ReactNode>): ReactNode {
  const pieces = text.split(MARK);
  return pieces.map((piece, index) => {
    const key = `${index}:${piece}`;
    // Odd positions are placeholder names.
    if (index % 2 === 1) return <Fragment key={key}>{parts[piece] ?? null}</Fragment>;
    return piece ? <Fragment key={key}>{piece}</Fragment> : null;
  });
}
