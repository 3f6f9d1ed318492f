// The browser console (web/): the built files of web/dist served at `/`, with the SPA's index.html for
// any other GET that is not an API or operational path. /api, /health, /metrics and /.well-known are never
// shadowed (they are mounted before, and excluded here). Hashed assets are cached for a year; index.html
// is never cached, so a new build is seen at the next load.
import express, { Router, type Request, type Response, type NextFunction } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../network/src/layout';

const RESERVED = /^\/(api|health|metrics|\.well-known)(\/|$)/;

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export function webConsoleDir(): string {
  return path.resolve(process.env.CATS_WEB_DIR?.trim() || path.join(ROOT, 'web', 'dist'));
}

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>CATS/ICE console</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto;color:#111">
<h1>The CATS/ICE console is not built</h1><p>Build it with <code>node node_modules/vite/bin/vite.js build web</code> (or <code>npm start</code>), then reload.</p>
<p>The REST API is at <a href="/api/v1/docs">/api/v1/docs</a>.</p></body></html>`;

export function webConsole(dir: string = webConsoleDir()): Router {
  const r = Router();
  const index = path.join(dir, 'index.html');
  const assets = express.static(dir, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    setHeaders: (res, file) => {
      res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const spa = (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || RESERVED.test(req.path)) return next();
    res.set({ 'Content-Security-Policy': CSP, 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY' });
    // a missing asset is a 404, not the SPA page
    if (/^\/assets\//.test(req.path) || /\.[a-z0-9]{2,5}$/i.test(req.path)) return next();
    if (!fs.existsSync(index)) return void res.status(503).type('html').set('Cache-Control', 'no-store').send(NOT_BUILT);
    res.set('Cache-Control', 'no-cache').type('html').sendFile(index);
  };
  r.use((req, res, next) => (RESERVED.test(req.path) ? next() : assets(req, res, next)));
  r.use(spa);
  return r;
}
