import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

const POISONED =
  'The body is JSON, but has a "__proto__" or "constructor.prototype" key, which is refused';

/**
 * JSON bodies must be UTF-8. Fastify's own parser decodes leniently and
 * would store U+FFFD in place of broken bytes, changing a user's file
 * without a word; here invalid bytes are refused instead. Prototype
 * poisoning keys are still refused by Fastify's parser underneath.
 *
 * Only JSON is accepted elsewhere: the text/plain parser is removed so a
 * wrong content type answers 415 rather than a confusing 422.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  // Compressed bodies would be parsed as if they were plain; refuse them.
  app.addHook('onRequest', (request, _reply, done) => {
    const encoding = request.headers['content-encoding'];
    if (encoding === undefined || encoding === 'identity') {
      done();
      return;
    }
    const detail = `Content-Encoding "${encoding}" is not accepted; send the body uncompressed`;
    done(new AppError('unsupported_media_type', detail));
  });

  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);

  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    // Some clients label every request JSON: an empty body is no body, and
    // a route that needs one says so in its validation error.
    if ((body as Buffer).length === 0) {
      done(null, undefined);
      return;
    }
    let text: string;
    try {
      text = STRICT_UTF8.decode(body as Buffer);
    } catch {
      done(new AppError('malformed_request', 'The request body is not valid UTF-8'), undefined);
      return;
    }
    parseJson(request, text, (err, value) => {
      if (err && /prototype/i.test(err.message)) {
        done(new AppError('malformed_request', POISONED), undefined);
        return;
      }
      done(err, value);
    });
  });
}
