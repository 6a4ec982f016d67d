import { ApiError } from './api.ts';

/** What to tell the person when a call fails: the Worker's own words, or a plain fallback. */
export const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

/** The value of the input an event came from. */
export const inputValue = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
