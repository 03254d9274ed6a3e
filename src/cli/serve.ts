import { buildApp } from '../app.js';
import { loadConfig } from '../config/load-config.js';

/** Starts the server with flags overriding the configuration. */
export async function serve(options: { host?: string; port?: number }): Promise<void> {
  const config = loadConfig(process.env, options);
  const app = await buildApp({ config });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close());
  }
  await app.listen({ host: config.host, port: config.port });
}
