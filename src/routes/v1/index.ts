import type { FastifyPluginAsync } from 'fastify';
import files from './files.js';

/** Everything mounted under `/api/v1`. */
const v1: FastifyPluginAsync = async (app) => {
  await app.register(files);
};

export default v1;
