import { createHash } from 'node:crypto';
import { AppError } from '../errors/app-error.js';

/** What is stored beside a file's text, derived from it. */
export interface ContentFacts {
  size: number;
  contentHash: string;
}

// JSON can carry "\ud800", which no UTF-8 encoder can represent; in Unicode
// mode `\p{Cs}` matches only such unpaired halves.
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether the text can be stored and sent as UTF-8 (no unpaired surrogate). */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

function refuse(message: string): never {
  throw new AppError('invalid_content', `Content ${message}`, {
    errors: [{ field: 'body.content', message }],
  });
}

/**
 * Checks that content is storable UTF-8 text within the size limit, which
 * is measured in UTF-8 bytes (what the file takes on disk), and returns its
 * size and SHA-256.
 */
export function checkContent(content: string, maxBytes: number): ContentFacts {
  if (content.includes('\0')) refuse('must not contain NUL characters');
  if (!isWellFormedText(content)) refuse('must be valid Unicode text (lone surrogate)');

  const size = Buffer.byteLength(content, 'utf8');
  if (size > maxBytes) {
    throw new AppError('payload_too_large', `Content is ${size} bytes; the limit is ${maxBytes}`, {
      extra: { size_bytes: size, limit_bytes: maxBytes },
    });
  }
  return { size, contentHash: createHash('sha256').update(content, 'utf8').digest('hex') };
}
