import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * helmet's security headers (a same-origin Content-Security-Policy,
 * nosniff, frame and referrer policies, HSTS) on every answer, errors and
 * 404s included. The middleware is built once: @fastify/helmet builds a
 * new one for each request, which cost more than a file read's database
 * work in profiles of `GET /files/{id}`. Pages that need another policy
 * (the web app) set their own header, which replaces this one.
 */
async function securityHeaders(app: FastifyInstance): Promise<void> {
  // Atelier serves plain HTTP unless a proxy in front adds TLS; told to
  // upgrade, a browser would fetch the docs' scripts over https and fail.
  const applyHeaders = helmet({
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  });

  app.addHook('onRequest', (request, reply, done) => {
    applyHeaders(request.raw, reply.raw, (err) => done(err instanceof Error ? err : undefined));
  });
}

export default fp(securityHeaders, { name: 'atelier-security-headers' });
