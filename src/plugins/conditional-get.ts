import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ifNoneMatchPasses } from '../files/etag.js';

function isJsonRead(request: FastifyRequest, reply: FastifyReply, payload: unknown): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (reply.statusCode !== 200 || typeof payload !== 'string') return false;
  return String(reply.getHeader('content-type') ?? '').startsWith('application/json');
}

/** The payload to send: the body, or nothing with 304 when the client's copy is current. */
function revalidated(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (!isJsonRead(request, reply, payload)) return payload;

  let etag = reply.getHeader('etag');
  if (etag === undefined) {
    const hash = createHash('sha1')
      .update(payload as string)
      .digest('base64url');
    etag = `W/"${hash}"`;
    reply.header('etag', etag);
  }
  // The weak comparison ignores the W/ prefix on both sides.
  const opaque = String(etag).replace(/^W\//, '');
  if (ifNoneMatchPasses(request.headers['if-none-match'], opaque)) return payload;

  reply.code(304);
  return '';
}

/**
 * Conditional GET (RFC 9110, section 13.1.2) for every JSON read: answers
 * without their own validator (file lists, versions, the trash, workspaces)
 * get a weak ETag hashed from the body, and a matching If-None-Match gets
 * 304. Any write that changes what a body shows changes its hash, so a
 * client revalidating a list never keeps a stale one, whichever process
 * answers; nothing is cached on the server to go stale. Not @fastify/etag:
 * it also answers 304 to writes and error bodies and does not read lists
 * of tags.
 */
async function conditionalGet(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', (request, reply, payload, done) => {
    done(null, revalidated(request, reply, payload));
  });
}

export default fp(conditionalGet, { name: 'atelier-conditional-get' });
