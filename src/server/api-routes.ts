// The API: state, the event stream, and the few POST actions. Requests name demos by id only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PATHS, DEMO_ACTIONS, isDemystifyError } from '../shared/index.ts';
import type { DemoAction, ServerMode } from '../shared/index.ts';
import type { DemoService } from './demo-service.ts';
import type { EventHub } from './event-hub.ts';
import { readJsonBody, validateDemoActionRequest } from './json-body.ts';
import { sendError, sendJson } from './security-headers.ts';

export interface ApiContext {
  service: DemoService;
  hub: EventHub;
  mode: ServerMode;
}

const STATUS_BY_CODE: Record<string, number> = { UNKNOWN_DEMO: 404, BAD_INPUT: 400 };

async function runAction(response: ServerResponse, context: ApiContext, action: DemoAction | 'stop-all', id?: string): Promise<void> {
  try {
    if (action === 'stop-all') {
      await context.service.stopAll();
      sendJson(response, 200, { demos: context.service.snapshots() });
      return;
    }
    // Only demos of the deck run; stop also reaches a demo removed by a rebuild while it runs
    // (the service knows it, and refuses ids it does not know with UNKNOWN_DEMO → 404).
    const known = action === 'stop' || context.service.manifest.demos.some((demo) => demo.id === id);
    if (!known || id === undefined) {
      sendError(response, 404, 'UNKNOWN_DEMO', `No demo "${id}" in this deck.`);
      return;
    }
    const snapshot = action === 'replay' ? await context.service.replay?.(id) : await context.service[action](id);
    if (snapshot === undefined) {
      sendError(response, 409, 'RECORDING_MISSING', 'This server replays no recordings.');
      return;
    }
    sendJson(response, 200, snapshot);
  } catch (error) {
    if (isDemystifyError(error)) sendError(response, STATUS_BY_CODE[error.code] ?? 409, error.code, error.message);
    else sendError(response, 500, 'INTERNAL', 'The orchestrator failed; see the terminal running npm start.');
  }
}

/** Returns false when the path is not an API path. */
export async function handleApiRequest(request: IncomingMessage, response: ServerResponse, pathname: string, context: ApiContext): Promise<boolean> {
  if (!pathname.startsWith('/api/')) return false;
  const method = request.method ?? 'GET';
  const isGet = method === 'GET' || method === 'HEAD';

  if (pathname === API_PATHS.state || pathname === API_PATHS.events) {
    if (!isGet) {
      response.setHeader('Allow', 'GET, HEAD');
      sendError(response, 405, 'BAD_INPUT', `Expected GET on ${pathname}, got ${method}.`);
    } else if (pathname === API_PATHS.state) {
      sendJson(response, 200, { mode: context.mode, demos: context.service.snapshots() });
    } else {
      const lastEventId = request.headers['last-event-id'];
      if (!context.hub.attach(response, typeof lastEventId === 'string' ? lastEventId : undefined)) {
        sendError(response, 429, 'BAD_INPUT', 'Too many open event streams: close some deck windows.');
      }
    }
    return true;
  }

  const action = DEMO_ACTIONS.find((a) => pathname === API_PATHS.action(a)) ?? (pathname === API_PATHS.stopAll ? 'stop-all' : undefined);
  if (action === undefined) {
    sendError(response, 404, 'BAD_INPUT', `No API at ${pathname}.`);
    return true;
  }
  if (method !== 'POST') {
    response.setHeader('Allow', 'POST');
    sendError(response, 405, 'BAD_INPUT', `Expected POST with a JSON body on ${pathname}, got ${method}.`);
    return true;
  }
  const body = await readJsonBody(request);
  if (!body.ok) {
    sendError(response, body.status, 'BAD_INPUT', body.message);
    return true;
  }
  if (action === 'stop-all') {
    await runAction(response, context, action);
    return true;
  }
  const parsed = validateDemoActionRequest(body.value);
  if (!parsed.ok) {
    sendError(response, 400, 'BAD_INPUT', parsed.message);
    return true;
  }
  await runAction(response, context, action, parsed.value.id);
  return true;
}
