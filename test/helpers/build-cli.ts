import { execFileSync } from 'node:child_process';
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';

export interface BuiltCli {
  /** The compiled `dist/cli/main.js` of this build. */
  main: string;
  remove: () => Promise<void>;
}

/**
 * Compiles the real binary into a folder of its own: starting it compiled
 * takes a fraction of the time tsx needs, the tests spawn it many times,
 * and a private copy is never half-written by another test's build. The
 * SDK it imports is built by the global setup.
 */
export async function buildCli(name: string): Promise<BuiltCli> {
  const dir = path.resolve('.test-tmp', `${name}-${process.pid}`);
  const tsc = path.resolve('node_modules/typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--outDir', path.join(dir, 'dist')]);
  // The copy makes the output an ES module package, as dist/ is in the repo.
  await copyFile('package.json', path.join(dir, 'package.json'));
  return {
    main: path.join(dir, 'dist/cli/main.js'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
