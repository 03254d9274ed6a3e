import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { BOOTSTRAP_ADMIN, bootstrapAdmin } from './bootstrap-admin.js';
import type { Config } from './config/schema.js';

function announceAdmin(password: string): void {
  // Straight to the console rather than the log, so the password does not
  // end up in log storage; it is shown this once and never again.
  process.stdout.write(
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

  closeWithGrace(
    { delay: config.shutdownTimeoutMs, logger: { error: (m: unknown) => app.log.error(m) } },
    async ({ signal, err }) => {
      if (err) app.log.error({ err }, 'closing after an uncaught error');
      else app.log.info({ signal }, 'shutting down');
      await app.close();
    },
  );

  await app.listen({ host: config.host, port: config.port });
  return app;
}
