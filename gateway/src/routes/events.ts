// /api/v1/events (pull feed from the index) and /api/v1/webhooks (push subscriptions).
import { Router } from 'express';
import { CatsError } from '../../../chaincode/src/domain/errors';
import type { AppDeps } from '../app-deps';
import { principalOf } from '../auth/authenticate';
import { jsonBody } from '../http/media-type';
import { positionOfCursor } from '../index/index-keys';
import { canSeeEvent, viewerOf } from '../index/viewer';

export function eventRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/events', async (req, res) => {
    const after = req.query.after;
    if (after !== undefined && typeof after !== 'string') throw new CatsError('VALIDATION_FAILED', 'after: give it once', { field: 'after' });
    const limit = req.query.limit === undefined ? 100 : Number(req.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CatsError('VALIDATION_FAILED', 'limit: an integer from 1 to 500', { field: 'limit' });
    const viewer = viewerOf(principalOf(req), deps.config.org, deps.index);
    const page = await deps.index.events(after ? positionOfCursor(after) : undefined, limit, (e) => canSeeEvent(viewer, e, deps.index));
    res.json({ items: page.items, nextCursor: page.nextCursor, links: page.nextCursor ? { next: `/api/v1/events?after=${page.nextCursor}` } : {} });
  });
  r.post('/webhooks', async (req, res) => {
    const sub = await deps.webhooks.subscribe(principalOf(req), jsonBody(req));
    // The secret is shown once, here; deliveries are signed with it.
    res.status(201).location(`/api/v1/webhooks/${sub.id}`).json({ id: sub.id, url: sub.url, events: sub.events, secret: sub.secret, createdAt: sub.createdAt });
  });
  r.get('/webhooks', (req, res) => {
    res.json({ items: deps.webhooks.list(principalOf(req)) });
  });
  r.delete('/webhooks/:id', async (req, res) => {
    await deps.webhooks.unsubscribe(principalOf(req), req.params.id);
    res.status(204).end();
  });
  return r;
}
