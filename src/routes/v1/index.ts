import type { FastifyPluginAsync } from 'fastify';

/** Everything mounted under `/api/v1`. */
const v1: FastifyPluginAsync = async (_app) => {};

export default v1;
