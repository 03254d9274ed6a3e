import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { API_TITLE, API_VERSION } from '../plugins/docs.js';

const RootResponse = Type.Object({
  name: Type.String(),
  version: Type.String(),
  api_versions: Type.Array(Type.Object({ version: Type.String(), base_url: Type.String() })),
  docs: Type.Object({ openapi: Type.String(), swagger_ui: Type.String(), redoc: Type.String() }),
});

const root: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['meta'],
        summary: 'Service information',
        description: 'Names the API, its version, the mounted API versions and the docs.',
        response: { 200: RootResponse },
      },
    },
    async () => ({
      name: API_TITLE,
      version: API_VERSION,
      api_versions: [
        { version: 'v1', base_url: '/api/v1' },
        { version: 'v2', base_url: '/api/v2' },
      ],
      docs: { openapi: '/openapi.json', swagger_ui: '/docs', redoc: '/redoc' },
    }),
  );
};

export default root;
