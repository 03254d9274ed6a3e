import type { AccessTokens } from './auth/access-tokens.js';
import type { Config } from './config/schema.js';
import type { Db } from './db/database.js';
import type { Engine } from './engines/engine.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    engine: Engine;
    accessTokens: AccessTokens;
  }
}
