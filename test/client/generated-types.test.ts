import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CLIENT_TYPES_FILE, renderClientTypes } from '../../scripts/client-types.js';

describe('the SDK types', () => {
  it('match what the current server document generates (run `npm run client:types`)', async () => {
    const committed = await readFile(CLIENT_TYPES_FILE, 'utf8');

    expect(committed === (await renderClientTypes()), 'generated types are stale').toBe(true);
  });
});
