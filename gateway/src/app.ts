// The express application: operational routes without authentication, then /api/v1 behind a token of
// this organisation, whose users are throttled when too many of their requests are refused. Bodies are
// read raw with a hard limit (413 before parsing), after authentication; routes parse them by media type. One error handler answers {code, message, details}.
import express, { Router, type Express } from 'express';
import type { AppDeps } from './app-deps';
import { DOCS_PAGE } from './api/docs-page';
import { openApiDocument } from './api/openapi';
import { authenticate } from './auth/authenticate';
import { errorHandler, notFound } from './http/error-handler';
import { minBlock } from './http/min-block';
import { rawBody } from './http/raw-body';
import { RefusalBudget, refusalBudget } from './http/refusal-budget';
import { webConsole } from './http/web-console';
import { requestMetrics } from './observability/request-metrics';
import { auditRoutes } from './routes/audit';
import { eventRoutes } from './routes/events';
import { guaranteeRoutes } from './routes/guarantees';
import { movementRoutes } from './routes/movements';
import { operationRoutes } from './routes/operations';
import { networkRoutes } from './routes/network';
import { registryRoutes } from './routes/registry';
import { sessionRoutes } from './routes/session';
import { transactionRoutes } from './routes/transactions';

export function buildApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(requestMetrics(deps.metrics));
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', 'X-Cats-Organisation': deps.config.org.name });
    next();
  });
  app.use(operationRoutes(deps));

  const openapi = openApiDocument(deps.config.org.name);
  const api = Router();
  api.get('/openapi.json', (_req, res) => void res.json(openapi));
  api.get('/docs', (_req, res) => void res.type('html').set('Content-Security-Policy', "default-src 'self'; script-src 'unsafe-inline' 'self'; style-src 'unsafe-inline'").send(DOCS_PAGE));
  const body = rawBody({ json: deps.config.maxJsonBodyBytes, other: deps.config.maxBodyBytes });
  api.use('/session', body);
  api.use(sessionRoutes(deps)); // the console's sign-in: before authenticate
  // Who is asking comes before reading what they send: an unknown or throttled caller's body is never read.
  api.use(authenticate(deps.verify));
  api.use(refusalBudget(new RefusalBudget(deps.config.refusalBudget)));
  api.use(body);
  api.use(minBlock(deps));
  api.use(networkRoutes(deps));
  api.use(movementRoutes(deps));
  api.use(guaranteeRoutes(deps));
  api.use(registryRoutes(deps));
  api.use(auditRoutes(deps));
  api.use(eventRoutes(deps));
  api.use(transactionRoutes(deps));
  app.use('/api/v1', api);
  app.use(webConsole()); // the browser console (web/dist) at `/`; never /api, /health, /metrics, /.well-known

  app.use(notFound);
  app.use(errorHandler);
  return app;
}
