import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { BOOTSTRAP_ADMIN, bootstrapAdmin } from './bootstrap-admin.js';
import type { Config } from './config/schema.js';

function announceAdmin(password: string): void {
  // To stderr, not stdout where the JSON log goes, so that collecting the
  // log does not store the password; it is shown this once and never again.
  process.stderr.write(
    [
      '',
      '  No users existed, so Atelier created an administrator:',
      `    username: ${BOOTSTRAP_ADMIN}`,
      `    password: ${password}`,
      '  It is shown only now. Change it with: atelier user passwd admin',
      '',
      '',
    ].join('\n'),
  );
}

/**
 * Starts the server and closes it gracefully on SIGINT/SIGTERM: it stops
 * accepting connections, answers 503 to new requests on kept-alive sockets
 * and lets in-flight requests finish, up to the shutdown timeout.
 */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const app = await buildApp({ config });

  if (config.bootstrapAdmin) {
    const password = await bootstrapAdmin(app.db);
    if (password) announceAdmin(password);
  }

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await app.close();
    throw err;
  }

  // Only once listening: installed earlier, its exit handling would turn a
  // failed start (port taken) into a clean exit with status 0.
  closeWithGrace(
    { delay: config.shutdownTimeoutMs, logger: { error: (m: unknown) => app.log.error(m) } },
    async ({ signal, err }) => {
      if (err) app.log.error({ err }, 'closing after an uncaught error');
      else app.log.info({ signal }, 'shutting down');
      await app.close();
    },
  );
  return app;
}
