import { v7 } from 'uuid';

/** UUIDv7: time-ordered, so ids sort by creation and index well. */
export function newId(): string {
  return v7();
}

/** ISO-8601 UTC with milliseconds, the one timestamp format in the database. */
export function now(): string {
  return new Date().toISOString();
}

export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** The smallest UUIDv7 of a millisecond: every id made at or after `ms` sorts above it. */
export function idFloor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0').slice(-12);
  return `${hex.slice(0, 8)}-${hex.slice(8)}-0000-0000-000000000000`;
}
