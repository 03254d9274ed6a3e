import type { FastifyPluginAsync } from 'fastify';
import codeCompletionSocket from '../ws/code-completion.js';
import ai from './ai.js';
import apiKeys from './api-keys.js';
import auth from './auth.js';
import fileEdits from './file-edits.js';
import fileOutline from './file-outline.js';
import files from './files.js';
import repoMap from './repo-map.js';
import usage from './usage.js';
import users from './users.js';

/** Everything mounted under `/api/v1`. */
const v1: FastifyPluginAsync = async (app) => {
  await app.register(auth, { prefix: '/auth' });
  await app.register(apiKeys, { prefix: '/auth/keys' });
  await app.register(users, { prefix: '/users' });
  await app.register(files);
  await app.register(fileOutline);
  await app.register(fileEdits);
  await app.register(repoMap);
  await app.register(ai);
  await app.register(usage);
  await app.register(codeCompletionSocket);
};

export default v1;
