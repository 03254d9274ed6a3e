import path from 'node:path';
import { writeTinyModel } from '../src/engines/local/tiny-model.js';

/** `npm run tiny-model -- PATH [SEED]` writes the tiny test model to PATH. */
const [target, seed] = process.argv.slice(2);
if (!target) {
  console.error('usage: npm run tiny-model -- PATH [SEED]');
  process.exit(2);
}

await writeTinyModel(target, { seed: seed === undefined ? undefined : Number(seed) });
console.log(`wrote ${path.resolve(target)}; start with ATELIER_MODEL=${path.resolve(target)}`);
