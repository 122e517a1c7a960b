// Can a daemon bind 127.0.0.1:<port>? Asked the way the daemon will: by binding it (and letting
// go at once). A refusal other than EADDRINUSE (EACCES below 1024 when not root) falls back to
// the kernel's table of listening sockets.
import { createServer } from 'node:net';
import { findListeningInodes } from './find-port-holders.ts';

export const LOOPBACK_HOST = '127.0.0.1';

export function isPortFree(port: number, host: string = LOOPBACK_HOST): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code === 'EADDRINUSE' ? false : findListeningInodes(port).length === 0);
    });
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}
