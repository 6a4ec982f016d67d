export * from './variables.ts';
export * from './render.ts';
export * from './built-in.ts';
export * from './version.ts';
