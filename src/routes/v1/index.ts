import type { FastifyPluginAsync } from 'fastify';
import ai from './ai.js';
import files from './files.js';

/** Everything mounted under `/api/v1`. */
const v1: FastifyPluginAsync = async (app) => {
  await app.register(files);
  await app.register(ai);
};

export default v1;
