import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler, Response } from 'express';
import Negotiator from 'negotiator';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/**
 * JSON answers compressed in one call each, brotli or gzip as the client accepts.
 *
 * The `compression` middleware compresses through a zlib stream per response: setting one up
 * and passing the body through the thread pool cost 200–500 µs of CPU per answer here, more
 * than the rest of a small read's framework work, while a one-shot call on the whole body (it
 * is all in hand when `res.send` gets it) costs 40–80 µs for a record or a page. Bodies above
 * a megabyte go to the thread pool in one piece rather than hold the event loop. Brotli at
 * quality 2 makes a page of rows as small as gzip's default level does, in half its time, so
 * it is chosen whenever the client wants it as much as gzip (browsers list gzip first).
 * CSV exports stream and are never compressed; the SPA's files come compressed from the build.
 */
const THRESHOLD_BYTES = 1024;
const SYNC_LIMIT_BYTES = 1024 * 1024;

type Encoding = 'br' | 'gzip';

const ENCODINGS: readonly string[] = ['br', 'gzip', 'identity'];

/**
 * The encoding to answer in: the one the client wants most, brotli where it wants brotli and
 * gzip alike (the server may break a tie, RFC 9110 12.5.3); undefined for none.
 */
export function chosenEncoding(req: { headers: IncomingHttpHeaders }): Encoding | undefined {
  const chosen = new Negotiator(req).encoding(ENCODINGS, { preferred: ENCODINGS });
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined;
}

const brotliOptions = (size: number): zlib.BrotliOptions => ({
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 2,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
  },
});
const brotliAsync = promisify(zlib.brotliCompress);
const gzipAsync = promisify(zlib.gzip);

function compressNow(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br' ? zlib.brotliCompressSync(body, brotliOptions(body.length)) : zlib.gzipSync(body);
}

function compressLater(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br' ? brotliAsync(body, brotliOptions(body.length)) : gzipAsync(body);
}

const isJson = (res: Response) => /^application\/(?:[\w.+-]+\+)?json\b/i.test(String(res.getHeader('Content-Type') ?? ''));

export function compressJson(): RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const plain = typeof body === 'string' || Buffer.isBuffer(body);
      if (!plain || res.getHeader('Content-Encoding') || !isJson(res)) return send(body);
      // The answer differs by what the client accepts, compressed or not: caches must know.
      res.vary('Accept-Encoding');
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      const accepted = bytes.length >= THRESHOLD_BYTES && req.method !== 'HEAD' ? chosenEncoding(req) : undefined;
      if (!accepted) return send(body);
      res.set('Content-Encoding', accepted);
      if (bytes.length <= SYNC_LIMIT_BYTES) return send(compressNow(bytes, accepted));
      compressLater(bytes, accepted).then(
        (compressed) => send(compressed),
        (err: unknown) => {
          res.removeHeader('Content-Encoding');
          req.log?.warn({ err }, 'an answer could not be compressed; sent as it is');
          send(bytes);
        },
      );
      return res;
    };
    next();
  };
}
