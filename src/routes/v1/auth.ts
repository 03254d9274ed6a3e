import formbody from '@fastify/formbody';
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { checkCredentials } from '../../auth/credentials.js';
import { createUsernameLimit, loginAddressLimit } from '../../auth/login-limits.js';
import { MAX_PASSWORD_LENGTH } from '../../auth/passwords.js';
import {
  issueRefreshToken,
  revokeRefreshToken,
  rotateRefreshToken,
} from '../../auth/refresh-tokens.js';
import { AppError } from '../../errors/app-error.js';
import { problemResponses } from '../problem-schema.js';

const CHALLENGE = { 'www-authenticate': 'Bearer' };
const FORM = 'application/x-www-form-urlencoded';

/** The fields of FastAPI's OAuth2PasswordRequestForm (RFC 6749 4.3.2). */
const TokenRequestBody = Type.Object({
  grant_type: Type.Optional(Type.Literal('password')),
  username: Type.String({ minLength: 1, maxLength: 256 }),
  password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  scope: Type.Optional(Type.String({ description: 'Accepted and ignored.' })),
  client_id: Type.Optional(Type.String({ description: 'Accepted and ignored.' })),
  client_secret: Type.Optional(Type.String({ description: 'Accepted and ignored.' })),
});

const RefreshToken = Type.String({ minLength: 1, maxLength: 512 });

const RefreshBody = Type.Object({
  grant_type: Type.Optional(Type.Literal('refresh_token')),
  refresh_token: RefreshToken,
});

const LogoutBody = Type.Object({ refresh_token: RefreshToken });

const TokenResponse = Type.Object({
  access_token: Type.String({ description: 'JWT (HS256) for the Authorization header' }),
  token_type: Type.Literal('bearer'),
  expires_in: Type.Integer({ description: 'Seconds until the access token expires' }),
  refresh_token: Type.String({ description: 'Single-use; exchange it at /auth/refresh' }),
});

async function sendTokens(
  app: FastifyInstance,
  reply: FastifyReply,
  userId: string,
  refreshToken: string,
) {
  // Token responses must not be cached (RFC 6749 5.1).
  reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
  return {
    access_token: await app.accessTokens.issue(userId),
    token_type: 'bearer' as const,
    expires_in: app.accessTokens.ttlSeconds,
    refresh_token: refreshToken,
  };
}

const auth: FastifyPluginAsyncTypebox = async (app) => {
  // OAuth2 clients send forms (RFC 6749 section 4.3); only these routes take them.
  await app.register(formbody);
  const usernameLimit = createUsernameLimit(app);

  app.post(
    '/token',
    {
      config: { rateLimit: loginAddressLimit(app) },
      schema: {
        tags: ['auth'],
        summary: 'Sign in (OAuth2 password grant)',
        description:
          'Takes `username` and `password` as a form (`grant_type=password` optional) and ' +
          'answers an access token and a refresh token. Unknown users, wrong passwords and ' +
          'disabled users get the same 401 `invalid_credentials`. Limited per client ' +
          'address (every attempt) and per username (failed attempts): 429 with Retry-After.',
        consumes: [FORM, 'application/json'],
        body: TokenRequestBody,
        response: { 200: TokenResponse, ...problemResponses(400, 401, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      await usernameLimit.check(request);

      const result = await checkCredentials(app.db, username, password);
      if (!result.ok) {
        await usernameLimit.recordFailure(request);
        request.log.warn({ username, reason: result.reason }, 'sign-in failed');
        throw new AppError('invalid_credentials', 'Incorrect username or password', {
          headers: CHALLENGE,
        });
      }

      const userId = result.user.id;
      const refreshToken = await issueRefreshToken(app.db, userId, app.config.refreshTokenTtl);
      return sendTokens(app, reply, userId, refreshToken);
    },
  );

  app.post(
    '/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new pair',
        description:
          'Takes `{refresh_token}` as JSON, or a form with `grant_type=refresh_token`. The ' +
          'token is single-use: the answer carries its replacement. Presenting a used or ' +
          'revoked token revokes every token descended from the same sign-in and answers ' +
          '401 `refresh_token_reused`; an unknown or expired one answers 401 ' +
          '`invalid_refresh_token`.',
        consumes: ['application/json', FORM],
        body: RefreshBody,
        response: { 200: TokenResponse, ...problemResponses(400, 401, 415, 422) },
      },
    },
    async (request, reply) => {
      const { userId, refreshToken } = await rotateRefreshToken(
        app.db,
        request.body.refresh_token,
        { ttlSeconds: app.config.refreshTokenTtl, log: request.log },
      );
      return sendTokens(app, reply, userId, refreshToken);
    },
  );

  app.post(
    '/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out',
        description:
          'Revokes the refresh token and every token of the same sign-in. Needs no access ' +
          'token: holding the refresh token is proof enough, and a client whose access ' +
          'token has expired can still sign out. Unknown tokens are ignored (204 too). ' +
          'Access tokens already issued stay valid until they expire.',
        consumes: ['application/json', FORM],
        body: LogoutBody,
        response: {
          204: Type.Null({ description: 'Signed out' }),
          ...problemResponses(400, 422),
        },
      },
    },
    async (request, reply) => {
      await revokeRefreshToken(app.db, request.body.refresh_token);
      return reply.code(204).send(null);
    },
  );
};

export default auth;
