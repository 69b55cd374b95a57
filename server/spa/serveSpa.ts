import path from 'node:path';
import type { Express } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Vite names what it emits under assets/ by content hash: such a file never changes, so browsers keep it. */
const isHashedAsset = (dir: string, file: string) => path.relative(dir, file).startsWith(`assets${path.sep}`);

/**
 * The built SPA: each file as the build compressed it (brotli, else gzip, else plain: no work
 * per request), hashed assets cached for a year as immutable, and index.html — every other
 * path, for the SPA's own routes — asked for again each time, so a new build is seen at once.
 */
export function serveSpa(app: Express, dir: string): void {
  app.use(
    expressStaticGzip(dir, {
      index: false,
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      serveStatic: {
        setHeaders: (res, file) => res.setHeader('Cache-Control', isHashedAsset(dir, file) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      },
    }),
  );
  app.get('/{*path}', (_req, res) => res.sendFile(path.join(dir, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } }));
}
