import type { PageState } from '@wardguard/shared/evidence/post-metadata';
import { normaliseForMatch, safeQueryAll, visibleText } from './text.ts';

const UNAVAILABLE_PHRASES = [
  "this content isn't available right now", // Facebook
  "sorry, this page isn't available", // Instagram, Threads
  "this page isn't available",
  'video unavailable', // YouTube
  'this video is unavailable',
  'video currently unavailable', // TikTok
  'something went wrong. try reloading', // X
  "hmm...this page doesn't exist", // X
  'this post was deleted',
  'this post is unavailable',
  'this post has been deleted',
  'account suspended',
  'post not found', // Bluesky
  'sorry, this post has been removed',
  'removed by moderator', // Reddit (singular and plural)
  'this post was removed',
  'page not found',
];

const LOGIN_PHRASES = [
  'log in to see',
  'log in to continue',
  'log in to view',
  'login to see',
  'sign in to see',
  'sign in to view',
  'sign in to continue',
  'sign up to see',
  'you must log in',
  'log into facebook',
  'join linkedin',
  'sign in to confirm',
  'log in or sign up',
];

export interface PageStateInput {
  /** A post was found in the page body (DOM, embedded JSON, JSON-LD or the user's selection). */
  hasPost: boolean;
  /** Some post fields came only from meta tags. */
  hasMetaOnly: boolean;
}

export interface PageStateResult {
  state: PageState;
  warning: string | null;
}

function findPhrase(text: string, phrases: string[]): string | null {
  return phrases.find((p) => text.includes(p)) ?? null;
}

/** True when the page asks for a password or carries a login form. */
function hasLoginForm(doc: Document): boolean {
  // X's sign-in dialog asks for the username first: no password field until "Next".
  const forms = safeQueryAll(
    doc,
    'input[type="password"], form[action*="login"], form[action*="signin"], form[action*="sign_in"], form#login_form, [data-testid="login-form"], [role="dialog"] input[autocomplete="username"]',
  );
  // A sign-in box in a sidebar or header (old Reddit) is furniture, not a wall.
  return forms.some((el) => el.closest('aside, .side, header, nav, footer') === null);
}

/**
 * Says what the captured page was, so an empty result is reported as "login wall" or "removed"
 * instead of silently as blanks. A post found in the page wins over stray "Sign up" buttons.
 */
export function detectPageState(doc: Document, input: PageStateInput): PageStateResult {
  const text = normaliseForMatch(visibleText(doc.body ?? doc.documentElement, 100_000));
  const login = findPhrase(text, LOGIN_PHRASES) ?? (hasLoginForm(doc) ? 'login form' : null);
  if (input.hasPost) {
    return {
      state: 'ok',
      warning: login ? `Login prompt on page ("${login}"): parts of the post or thread may be hidden` : null,
    };
  }
  const unavailable = findPhrase(text, UNAVAILABLE_PHRASES);
  if (unavailable) {
    return { state: 'unavailable', warning: `Page says the content is unavailable ("${unavailable}")` };
  }
  if (login) {
    return {
      state: 'login_wall',
      warning: `Login wall ("${login}"): the post is not visible without signing in${input.hasMetaOnly ? '; fields shown come from meta tags only' : ''}`,
    };
  }
  if (input.hasMetaOnly) return { state: 'ok', warning: null };
  return { state: 'no_post', warning: 'No post found on this page' };
}
