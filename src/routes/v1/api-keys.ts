import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createApiKey } from '../../auth/api-keys.js';
import { authenticate, currentUser } from '../../auth/authenticate.js';
import type { ApiKeyRow } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { listApiKeys, revokeApiKey } from '../../repositories/api-keys.js';
import { problemResponses } from '../problem-schema.js';

const DAY_MS = 24 * 3600 * 1000;

const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'What the key is for' }),
    expires_at: Type.Optional(Type.String({ format: 'date-time' })),
    expires_in_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false, examples: [{ name: 'laptop editor', expires_in_days: 90 }] },
);

const ApiKeyResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key' }),
  last4: Type.String({ description: 'The last four characters of the key' }),
  created_at: Type.String({ format: 'date-time' }),
  expires_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  last_used_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Updated at most once a minute',
  }),
});

const CreatedApiKeyResponse = Type.Intersect([
  ApiKeyResponse,
  Type.Object({ key: Type.String({ description: 'The key itself; shown only this once' }) }),
]);

const ApiKeyListResponse = Type.Object({ items: Type.Array(ApiKeyResponse) });

const ApiKeyParams = Type.Object({ key_id: Type.String({ minLength: 1, maxLength: 64 }) });

function toApiKeyResponse(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    last4: row.last4,
    created_at: row.created_at,
    expires_at: row.expires_at,
    last_used_at: row.last_used_at,
  };
}

/**
 * Key management wants a signed-in session: a leaked key must not be able
 * to mint keys that outlive its own revocation.
 */
async function authenticateSession(request: FastifyRequest, reply: FastifyReply) {
  await authenticate(request, reply);
  if (request.user?.apiKeyId) {
    throw new AppError('forbidden', 'API keys cannot manage API keys; sign in instead');
  }
}

function expiryOf(body: { expires_at?: string; expires_in_days?: number }): Date | undefined {
  if (body.expires_at !== undefined && body.expires_in_days !== undefined) {
    throw new AppError('validation_failed', 'Give expires_at or expires_in_days, not both', {
      errors: [{ field: 'body.expires_at', message: 'conflicts with expires_in_days' }],
    });
  }
  if (body.expires_in_days !== undefined) {
    return new Date(Date.now() + body.expires_in_days * DAY_MS);
  }
  if (body.expires_at === undefined) return undefined;

  const at = new Date(body.expires_at);
  // RFC 3339 allows a leap second (`:60`), which Date cannot hold.
  if (Number.isNaN(at.getTime())) {
    throw new AppError('validation_failed', 'expires_at is not a time Atelier can store', {
      errors: [{ field: 'body.expires_at', message: 'must be a valid date-time' }],
    });
  }
  if (at.getTime() <= Date.now()) {
    throw new AppError('validation_failed', 'expires_at is in the past', {
      errors: [{ field: 'body.expires_at', message: 'must be in the future' }],
    });
  }
  return at;
}

const apiKeys: FastifyPluginAsyncTypebox = async (app) => {
  const common = { tags: ['auth'], security: BEARER_SECURITY };

  app.post(
    '',
    {
      onRequest: authenticateSession,
      schema: {
        ...common,
        summary: 'Create an API key',
        description:
          'Creates a long-lived key for tools and editors, usable as a bearer token on ' +
          'every route (and on the OpenAI-compatible `/v1`). The key is in this answer ' +
          'only; the server keeps its SHA-256 digest. Needs a signed-in session, not a key.',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKeyResponse, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const expiresAt = expiryOf(request.body);

      const { row, key } = await createApiKey(app.db, user.id, {
        name: request.body.name,
        expiresAt,
      });
      request.log.info({ userId: user.id, apiKeyId: row.id }, 'api key created');

      reply
        .code(201)
        .header('location', `${app.prefix}/${row.id}`)
        .header('cache-control', 'no-store');
      return { ...toApiKeyResponse(row), key };
    },
  );

  app.get(
    '',
    {
      onRequest: authenticateSession,
      schema: {
        ...common,
        summary: 'List API keys',
        description: "The caller's keys that are not revoked (expired ones too), newest first.",
        response: { 200: ApiKeyListResponse, ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      const rows = await listApiKeys(app.db, currentUser(request).id);
      return { items: rows.map(toApiKeyResponse) };
    },
  );

  app.delete(
    '/:key_id',
    {
      onRequest: authenticateSession,
      schema: {
        ...common,
        summary: 'Revoke an API key',
        description: 'The key stops working at once. 404 for unknown or already revoked keys.',
        params: ApiKeyParams,
        response: {
          204: Type.Null({ description: 'Revoked' }),
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { key_id: keyId } = request.params;

      const revoked = await revokeApiKey(app.db, user.id, keyId, new Date().toISOString());
      if (!revoked) throw new AppError('api_key_not_found', `No API key with id ${keyId}`);

      request.log.info({ userId: user.id, apiKeyId: keyId }, 'api key revoked');
      return reply.code(204).send(null);
    },
  );
};

export default apiKeys;
