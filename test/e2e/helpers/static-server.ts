// A plain static web server, not ours (the deck as anyone might host its build): 127.0.0.1, port 0,
// GET/HEAD only, no directory listing, nothing outside its folder.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_TYPES } from '../../../src/server/static-files.ts';


export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(folder: string): Promise<StaticServer> {
  const root = normalize(folder);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    const refuse = (status: number): void => {
      response.writeHead(status, { 'content-type': 'text/plain' }).end(String(status));
    };
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !file.startsWith(root + sep)) return refuse(404);
    stat(file).then(
      (info) => {
        if (!info.isFile()) return refuse(404);
        response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': info.size });
        if (request.method === 'HEAD') return response.end();
        createReadStream(file).pipe(response);
      },
      () => refuse(404),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
