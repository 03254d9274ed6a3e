import { loadConfig } from '../config/load-config.js';
import { startServer } from '../server.js';

/** `atelier serve`: flags override the configuration. */
export async function serve(options: { host?: string; port?: number }): Promise<void> {
  await startServer(loadConfig(process.env, options));
}
