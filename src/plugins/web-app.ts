import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';

/** `npm run build` writes the web app here; the same path from `src/` and `dist/`. */
export const WEB_APP_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

// CodeMirror writes its styles into <style> elements at run time, hence
// 'unsafe-inline' for styles only; scripts and connections stay same-origin.
const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

function setAppHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', APP_CSP);
}

async function webApp(app: FastifyInstance): Promise<void> {
  if (!existsSync(path.join(WEB_APP_DIR, 'index.html'))) {
    app.log.warn({ dir: WEB_APP_DIR }, 'web app not built; /app is off (run npm run build)');
    return;
  }

  await app.register(fastifyStatic, {
    root: WEB_APP_DIR,
    prefix: '/app/',
    decorateReply: false,
    index: ['index.html'],
    // Bundles have content hashes in their names; the page itself must be revalidated.
    setHeaders: (res, file) => {
      res.header('content-security-policy', APP_CSP);
      const hashed = file.includes(`${path.sep}assets${path.sep}`);
      res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  app.get('/app', { schema: { hide: true } }, async (_request, reply) => {
    setAppHeaders(reply);
    return reply.redirect('/app/', 302);
  });
}

export default fp(webApp, { name: 'atelier-web-app' });
