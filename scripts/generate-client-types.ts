import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CLIENT_TYPES_FILE, renderClientTypes } from './client-types.js';

/** `npm run client:types` rewrites the SDK's generated types from the current routes. */
await writeFile(CLIENT_TYPES_FILE, await renderClientTypes());
console.log(`wrote ${path.relative(process.cwd(), CLIENT_TYPES_FILE)}`);
