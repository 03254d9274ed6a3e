import { createSecretKey, type KeyObject, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors/app-error.js';

/** One fixed algorithm: tokens naming another one (or `none`) are refused. */
export const ACCESS_TOKEN_ALG = 'HS256';
export const TOKEN_ISSUER = 'atelier';
export const TOKEN_AUDIENCE = 'atelier-api';

export interface AccessTokenClaims {
  userId: string;
  jti: string;
  expiresAt: number;
}

/**
 * How many verified tokens are remembered. A token's claims follow from its
 * exact bytes, so a string that verified once verifies again until it
 * expires; remembering it saves the HMAC, which dominated request profiles.
 */
const VERIFIED_CACHE_SIZE = 10_000;

export class AccessTokens {
  // A KeyObject rather than raw bytes: jose then skips importing the key
  // again on every verification, which showed up in request profiles.
  readonly #key: KeyObject;
  readonly #ttlSeconds: number;
  readonly #verified = new LRUCache<string, AccessTokenClaims>({ max: VERIFIED_CACHE_SIZE });

  constructor(secretKey: string, ttlSeconds: number) {
    this.#key = createSecretKey(Buffer.from(secretKey, 'utf8'));
    this.#ttlSeconds = ttlSeconds;
  }

  get ttlSeconds(): number {
    return this.#ttlSeconds;
  }

  async issue(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.#ttlSeconds}s`)
      .setJti(randomUUID())
      .sign(this.#key);
  }

  /** Verifies signature, algorithm, issuer, audience and expiry. */
  async verify(token: string): Promise<AccessTokenClaims> {
    const known = this.#verified.get(token);
    if (known && known.expiresAt > Date.now() / 1000) return known;

    const claims = await this.#verifySignedToken(token);
    this.#verified.set(token, claims);
    return claims;
  }

  async #verifySignedToken(token: string): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        algorithms: [ACCESS_TOKEN_ALG],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
      });
      return {
        userId: payload.sub as string,
        jti: payload.jti as string,
        expiresAt: payload.exp as number,
      };
    } catch (err) {
      const expired = err instanceof errors.JWTExpired;
      throw new AppError('invalid_token', expired ? 'Access token expired' : 'Invalid token', {
        headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
        cause: err,
      });
    }
  }
}
