export * from './parse-email.ts';
export * from './reader-text.ts';
export * from './raw-headers.ts';
