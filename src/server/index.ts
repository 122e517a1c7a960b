export { startDeckServer, MAX_URL_LENGTH, MAX_HEADER_BYTES, SLOW_CLIENT_GRACE_MS } from './deck-server.ts';
export type { DeckServer, DeckServerOptions } from './deck-server.ts';
export type { DemoService } from './demo-service.ts';
export { createEventHub } from './event-hub.ts';
export type { EventHub, EventHubOptions } from './event-hub.ts';
export { normalizeStaticPath } from './static-files.ts';
