import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type http from 'http';
import { hubPageOfPath } from '../../src/pages/hubPages';
import { HUB_ASSETS, HUB_BUNDLE, HUB_FABRIC_CONFIG, HUB_FAVICON } from './paths';

export const DEFAULT_SITE_PATH = '/sites/pmo';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2'
};

/**
 * Everything from our own origin and nothing inline, except Fluent UI's CSS-in-JS: it injects
 * <style> elements, admitted by a nonce fresh for every response (the page itself runs no
 * inline script). Images include the Graph photos, which are same-origin too; the expert
 * directory shows photos from a Graph $batch, which arrive as base64 and become data: URLs.
 */
export function contentSecurityPolicy(styleNonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    // blob: for charts drawn to PNG in the browser (an SVG image on a canvas) before download;
    // data: for people's photos, which a Graph $batch returns inline as base64.
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'"
  ].join('; ');
}

function shell(styleNonce: string): string {
  return `<!DOCTYPE html>
<html lang="en-US" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="pmohub-style-nonce" content="${styleNonce}">
<title>PMO Hub</title>
<link rel="icon" href="${HUB_ASSETS}${HUB_FAVICON}" type="image/svg+xml">
<script type="module" src="${HUB_ASSETS}${HUB_FABRIC_CONFIG}"></script>
<script type="module" src="${HUB_ASSETS}${HUB_BUNDLE}"></script>
</head>
<body>
<div id="root"></div>
<noscript>PMO Hub needs JavaScript.</noscript>
</body>
</html>
`;
}

function send(res: http.ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer, head: boolean): void {
  res.writeHead(status, { 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin', ...headers });
  res.end(head ? undefined : body);
}

/**
 * Serves the local hub for startLocalSharePoint's `staticHandler`: the HTML shell on the
 * site's pages, the bundle and its fonts from `distDir` (see build.ts). Answers `true`
 * for every request it sees, so the server never falls through to its own 404 for
 * hub URLs.
 */
export function hubStaticHandler(distDir: string, options: { sitePath?: string } = {}): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  const root = path.resolve(distDir);
  const home = options.sitePath ?? DEFAULT_SITE_PATH;
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      send(res, 405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'Method not allowed.', head);
      return true;
    }
    const pathname = url.pathname;
    if (pathname === '/') {
      send(res, 302, { location: home, 'content-type': 'text/plain; charset=utf-8' }, `See ${home}`, head);
      return true;
    }
    if (pathname.startsWith(HUB_ASSETS)) {
      let rel: string;
      try {
        rel = decodeURIComponent(pathname.slice(HUB_ASSETS.length));
      } catch {
        send(res, 400, { 'content-type': 'text/plain; charset=utf-8' }, 'Bad path.', head);
        return true;
      }
      const file = path.resolve(root, rel);
      const type = CONTENT_TYPES[path.extname(file)];
      // Only known file types, only inside the dist folder: no traversal, no serving the db next door.
      if (!type || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, `Not found: ${pathname}`, head);
        return true;
      }
      // Chunks and fonts carry their content's hash in their names: a browser keeps them, as it keeps
      // SPFx bundles from SharePoint's CDN. The rest (the entries, maps, the icon) is asked again on
      // every load, answered 304 while unchanged, so a rebuilt hub shows up on the next reload.
      if (/^(chunks|fonts)\/[^/]*-[A-Za-z0-9]{8}\.[a-z0-9]+$/.test(rel)) {
        send(res, 200, { 'content-type': type, 'cache-control': 'public, max-age=31536000, immutable' }, fs.readFileSync(file), head);
        return true;
      }
      const stat = fs.statSync(file);
      const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
      if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
        send(res, 304, { etag, 'cache-control': 'no-cache' }, '', true);
        return true;
      }
      send(res, 200, { 'content-type': type, 'cache-control': 'no-cache', etag }, fs.readFileSync(file), head);
      return true;
    }
    const site = /^\/sites\/[^/]+/i.exec(pathname)?.[0];
    // Any page of Site Pages, not only PMO Hub's own: pages made in the hub's edit mode load and
    // reload like the others; one that does not exist is said so by the hub, from Site Pages.
    if (site && (hubPageOfPath(site, pathname) || /^\/sites\/[^/]+\/sitepages\/[^/]+\.aspx$/i.test(pathname))) {
      const nonce = crypto.randomBytes(16).toString('base64');
      send(res, 200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': contentSecurityPolicy(nonce),
        'cache-control': 'no-store'
      }, shell(nonce), head);
      return true;
    }
    send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, `Not found: ${pathname}. The local hub's pages are ${home} and ${home}/SitePages/<page>.aspx.`, head);
    return true;
  };
}
