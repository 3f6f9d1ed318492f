// Counts every request by route pattern (not raw path: MRNs would explode the label set) and status.
import type { NextFunction, Request, Response } from 'express';
import type { GatewayMetrics } from './metrics';

export function requestMetrics(metrics: GatewayMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const t0 = performance.now();
    res.on('finish', () => {
      // After an error the router has unwound and req.baseUrl is empty again: put the mount point back.
      let route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      if (route !== 'unmatched' && req.originalUrl.startsWith('/api/v1/') && !route.startsWith('/api/v1')) route = '/api/v1' + route;
      const labels = { method: req.method, route, status: String(res.statusCode) };
      metrics.requests.inc(labels);
      metrics.requestSeconds.observe((performance.now() - t0) / 1000, { method: req.method, route });
    });
    next();
  };
}
