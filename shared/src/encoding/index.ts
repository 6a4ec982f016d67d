export * from './base64.ts';
export * from './hex.ts';
export * from './utf8.ts';
