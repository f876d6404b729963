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
