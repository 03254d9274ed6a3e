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
  const applyHeaders = helmet();

  app.addHook('onRequest', (request, reply, done) => {
    applyHeaders(request.raw, reply.raw, (err) => done(err instanceof Error ? err : undefined));
  });
}

export default fp(securityHeaders, { name: 'atelier-security-headers' });
