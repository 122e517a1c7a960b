// The local server: loopback only, a secret per start, Host/Origin checks before routing, the deck's
// static files and the API. A code-execution server, hardened like one (docs/security.md).
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DemystifyError, TOKEN_PARAM } from '../shared/index.ts';
import type { ServerMode, StreamMessage } from '../shared/index.ts';
import { handleApiRequest } from './api-routes.ts';
import type { DemoService } from './demo-service.ts';
import { createEventHub } from './event-hub.ts';
import type { EventHubOptions } from './event-hub.ts';
import { cookieName, createAllowedHosts, isAllowedFetchSite, isAllowedHost, isAllowedOrigin, isAuthenticated } from './request-guards.ts';
import { createSecret, isSecretValid } from './secret.ts';
import { applySecurityHeaders, renderSecurityHeaderLines, sendText } from './security-headers.ts';
import { serveStaticFile } from './static-files.ts';

export interface DeckServerOptions {
  service: DemoService;
  mode: ServerMode;
  /** Folder of the built deck (index.html, binaries/, demos.json). */
  deckDir: string;
  /** 0 picks a free port. */
  port?: number;
  secret?: string;
  hub?: Partial<Omit<EventHubOptions, 'takeSnapshot'>>;
}

export interface DeckServer {
  /** The URL to open, secret included. Print it once; never log it elsewhere. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly secret: string;
  /** Tell every open page to reload (the deck was rebuilt). */
  reload(): void;
  close(): Promise<void>;
}

export const MAX_URL_LENGTH = 2048;
export const MAX_HEADER_BYTES = 16 * 1024;
/** A page that fell behind a flood catches up from a snapshot if it drains within this; else it is cut off. */
export const SLOW_CLIENT_GRACE_MS = 5_000;
const HOST = '127.0.0.1';

const UNAUTHENTICATED_PAGE = `<!doctype html><meta charset="utf-8"><title>Démystifions Kubernetes</title>
<body style="font:20px sans-serif;margin:3em"><h1>Accès refusé</h1>
<p>Ouvrez l'adresse affichée par <code>npm start</code> dans le terminal : elle contient le secret de cette session.</p>
<p lang="en">Open the URL printed by <code>npm start</code>: it carries this session's secret.</p></body>`;

export async function startDeckServer(options: DeckServerOptions): Promise<DeckServer> {
  const secret = options.secret ?? createSecret();
  const { service, mode } = options;
  let port = 0;
  let allowedHosts = new Set<string>();

  const hub = createEventHub({
    slowClientGraceMs: SLOW_CLIENT_GRACE_MS,
    ...options.hub,
    takeSnapshot: () => ({ type: 'snapshot', mode, demos: service.snapshots() }),
  });
  const unsubscribe = service.subscribe((event) => hub.publish(event));

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    applySecurityHeaders(response);
    if (!isAllowedHost(request, allowedHosts)) return sendText(response, 403, 'Forbidden host.');
    const rawUrl = request.url ?? '/';
    if (rawUrl.length > MAX_URL_LENGTH) return sendText(response, 414, 'URL too long.');
    let url: URL;
    try {
      url = new URL(rawUrl, `http://${HOST}:${port}`);
    } catch {
      return sendText(response, 400, 'Malformed URL.');
    }
    // An absolute or scheme-relative target (`http://evil.example/`, `//evil.example/`) names another host.
    if (url.origin !== `http://${HOST}:${port}`) return sendText(response, 400, 'Malformed URL.');
    const method = request.method ?? 'GET';
    const isApi = url.pathname.startsWith('/api/');
    if (!isAllowedOrigin(request, allowedHosts) || (isApi && !isAllowedFetchSite(request))) {
      return sendText(response, 403, 'Cross-origin requests are refused.');
    }
    const token = url.searchParams.get(TOKEN_PARAM);
    if (token !== null && (method === 'GET' || method === 'HEAD')) {
      if (!isSecretValid(secret, token)) return sendText(response, 403, UNAUTHENTICATED_PAGE, 'text/html; charset=utf-8');
      url.searchParams.delete(TOKEN_PARAM);
      response.setHeader('Set-Cookie', `${cookieName(port)}=${secret}; HttpOnly; SameSite=Strict; Path=/`);
      response.writeHead(303, { Location: `${url.pathname}${url.search}`, 'Cache-Control': 'no-store' });
      response.end();
      return;
    }
    if (!isAuthenticated(request, secret, port)) {
      return isApi
        ? sendText(response, 401, JSON.stringify({ error: { code: 'BAD_INPUT', message: 'Missing or wrong secret.' } }), 'application/json; charset=utf-8')
        : sendText(response, 401, UNAUTHENTICATED_PAGE, 'text/html; charset=utf-8');
    }
    if (await handleApiRequest(request, response, url.pathname, { service, hub, mode })) return;
    if (method !== 'GET' && method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return sendText(response, 405, 'Method not allowed.');
    }
    await serveStaticFile(response, options.deckDir, url.pathname, method, mode);
  };

  // requireHostHeader off: a request without Host gets our 403 (security.md row 2), not Node's 400.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: 30_000, headersTimeout: 10_000, requireHostHeader: false }, (request, response) => {
    handle(request, response).catch(() => sendText(response, 500, 'Internal error.'));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\n${renderSecurityHeaderLines()}Connection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new DemystifyError('PORT_IN_USE', `Port ${options.port} on ${HOST} is already in use. Choose another one with --port <n> or PORT=<n>.`, { cause: error })
          : error,
      );
    });
    server.listen({ host: HOST, port: options.port ?? 0, exclusive: true }, resolve);
  });
  port = (server.address() as AddressInfo).port;
  allowedHosts = createAllowedHosts(port);
  const origin = `http://${HOST}:${port}`;

  return {
    url: `${origin}/?${TOKEN_PARAM}=${secret}`,
    origin,
    port,
    secret,
    reload() {
      hub.publish({ type: 'reload' } satisfies StreamMessage);
    },
    async close() {
      unsubscribe();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
