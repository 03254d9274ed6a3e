import type { FastifyPluginAsync } from 'fastify';
import ai from './ai.js';
import auth from './auth.js';
import fileEdits from './file-edits.js';
import fileOutline from './file-outline.js';
import files from './files.js';
import repoMap from './repo-map.js';
import users from './users.js';

/** Everything mounted under `/api/v1`. */
const v1: FastifyPluginAsync = async (app) => {
  await app.register(auth, { prefix: '/auth' });
  await app.register(users, { prefix: '/users' });
  await app.register(files);
  await app.register(fileOutline);
  await app.register(fileEdits);
  await app.register(repoMap);
  await app.register(ai);
};

export default v1;
