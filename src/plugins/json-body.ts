import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

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
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);

  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = STRICT_UTF8.decode(body as Buffer);
    } catch {
      done(new AppError('malformed_request', 'The request body is not valid UTF-8'), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
