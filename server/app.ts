import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { authRoutes } from './features/auth/routes';
import type { AppDeps, AppEnv } from './http/env';
import { ApiError, errorHandler } from './http/errors';

const JSON_BODY_LIMIT = 8 * 1024 * 1024;

/** Builds the whole HTTP app from its dependencies. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(deps.logger));
  app.notFound((c) => c.json(new ApiError('not_found', 'No such endpoint.').toBody(), 404));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: JSON_BODY_LIMIT,
      onError: () => {
        throw new ApiError('payload_too_large', 'The request body is too large.');
      },
    }),
  );
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/api/auth', authRoutes(deps));
  return app;
}
export type App = ReturnType<typeof createApp>;
