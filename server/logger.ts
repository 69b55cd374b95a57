import { pino, type Logger } from 'pino';
import type { Env } from './env.js';

/** On a terminal, pretty lines (in a worker thread); otherwise JSON written asynchronously, off the requests' path. */
export function createLogger(env: Env): Logger {
  return process.stdout.isTTY
    ? pino({ level: env.LOG_LEVEL, transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } })
    : pino({ level: env.LOG_LEVEL }, pino.destination({ sync: false }));
}
