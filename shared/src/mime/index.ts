export * from './parse-email.ts';
export * from './reader-text.ts';
