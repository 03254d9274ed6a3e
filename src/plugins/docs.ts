import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const require = createRequire(import.meta.url);
const REDOC_BUNDLE = path.join(
  path.dirname(require.resolve('redoc/package.json')),
  'bundles/redoc.standalone.js',
);

export const API_TITLE = 'Atelier API';
export const API_VERSION = '1.0.0';

const REDOC_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${API_TITLE} - ReDoc</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body>
  <redoc spec-url="/openapi.json"></redoc>
  <script src="/redoc/redoc.standalone.js"></script>
</body>
</html>
`;

// ReDoc renders with inline styles and a blob: web worker, which the API's
// strict default policy forbids; the page itself loads only local assets.
const REDOC_CSP = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "script-src 'self'",
].join('; ');

interface OpenApiParameter {
  in?: string;
  required?: boolean;
  schema?: { default?: unknown };
}

/**
 * Query schemas are objects whose defaulted properties are listed as
 * required (so handlers see them filled in); clients may leave them out,
 * so the document must not call them required.
 */
function optionalDefaults(document: Record<string, unknown>): Record<string, unknown> {
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      const parameters = (operation as { parameters?: OpenApiParameter[] }).parameters ?? [];
      for (const parameter of parameters) {
        if (parameter.in === 'query' && parameter.schema?.default !== undefined) {
          parameter.required = false;
        }
      }
    }
  }
  return document;
}

async function docs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    transformObject: (documentObject) =>
      optionalDefaults(
        ('openapiObject' in documentObject
          ? documentObject.openapiObject
          : documentObject.swaggerObject) as Record<string, unknown>,
      ),
    // Shared schemas appear under their own $id (`Problem`), not `def-0`.
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: API_TITLE,
        version: API_VERSION,
        description:
          'Self-hosted AI coding assistant: files, code completion, explanation and ' +
          'refactoring over a pluggable language-model engine. Errors are RFC 9457 ' +
          'problem details (`application/problem+json`) with a stable `code`.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          oauth2Password: {
            type: 'oauth2',
            flows: { password: { tokenUrl: '/api/v1/auth/token', scopes: {} } },
          },
        },
      },
      tags: [
        { name: 'auth', description: 'Tokens and sessions' },
        { name: 'users', description: 'The current user and user administration' },
        { name: 'files', description: "The user's source files" },
        { name: 'history', description: 'Versions, restore, undo, trash and git export' },
        { name: 'ai', description: 'Completion, explanation and refactoring' },
        { name: 'jobs', description: 'Background analysis jobs, their progress and events' },
        { name: 'usage', description: 'Tokens and generations accounted per user' },
        { name: 'openai', description: 'OpenAI-compatible endpoint for editors and tools' },
        { name: 'v2 workspaces', description: 'v2: shared workspaces' },
        { name: 'v2 members', description: 'v2: workspace members and their roles' },
        { name: 'v2 files', description: "v2: a workspace's files" },
        { name: 'v2 history', description: "v2: a workspace's history, trash and export" },
        { name: 'v2 ai', description: "v2: AI operations on a workspace's files" },
        { name: 'meta', description: 'Service information and health' },
      ],
    },
  });

  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { persistAuthorization: false, deepLinking: true },
    staticCSP: true,
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/redoc', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-security-policy', REDOC_CSP).type('text/html; charset=utf-8');
    return REDOC_PAGE;
  });

  app.get('/redoc/redoc.standalone.js', { schema: { hide: true } }, async (_request, reply) => {
    reply.type('application/javascript; charset=utf-8');
    return reply.send(createReadStream(REDOC_BUNDLE));
  });
}

export default fp(docs, { name: 'atelier-docs' });

/**
 * Security requirement for authenticated routes: either scheme works, so
 * Swagger UI's "Authorize" can log in with the password flow or take a
 * pasted token.
 */
export const BEARER_SECURITY: Record<string, string[]>[] = [
  { oauth2Password: [] },
  { bearerAuth: [] },
];
