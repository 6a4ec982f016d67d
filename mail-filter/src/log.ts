/** Structured one-line JSON logs on stderr; tests pass a quiet or collecting logger. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(scope: Record<string, unknown> = {}): Logger {
  const write =
    (level: string) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), level, msg, ...scope, ...fields })}\n`);
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
