import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config.ts';

/**
 * The filter's one way to reach its mail server, for duty alerts and Rules-of-Engagement
 * replies alike. Every timeout is bounded: a stalled server must neither hold up quarantining
 * nor leave a reply in a transaction after it was given up on. Plain SMTP without STARTTLS only
 * for a server on this machine (tests, a local relay); anything else must offer TLS.
 */
export function smtpTransport(smtp: SmtpConfig, timeouts: { connectMs: number; socketMs: number }) {
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    ignoreTLS: !smtp.secure && smtp.host === '127.0.0.1',
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.connectMs,
    socketTimeout: timeouts.socketMs,
  });
}
