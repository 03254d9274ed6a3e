import type { FastifyPluginAsync } from 'fastify';
import auth from './auth.js';
import users from './users.js';

/** Everything mounted under `/api/v1`. */
const v1: FastifyPluginAsync = async (app) => {
  await app.register(auth, { prefix: '/auth' });
  await app.register(users, { prefix: '/users' });
};

export default v1;
