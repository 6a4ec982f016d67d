export const SESSION_COOKIE = 'wg_session';
export const CSRF_HEADER = 'x-wardguard-csrf';
