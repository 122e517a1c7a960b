// security.md rows 1–6 against the running server (real HTTP on 127.0.0.1, real orchestrator):
// every bad request is refused with the expected status, spawns nothing, never echoes the secret,
// and the server keeps serving after it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineDemo } from '../orchestrator/support/test-manifest.ts';
import { getSnapshot, hostOf, isServing, postJson } from './support/api-client.ts';
import { isState, openEventStream } from './support/event-stream-client.ts';
import { startLiveHarness } from './support/live-harness.ts';
import type { LiveHarness } from './support/live-harness.ts';
import { rawRequest, sendRaw } from './support/raw-http.ts';
import type { RawResponse } from './support/raw-http.ts';

let h: LiveHarness;

beforeAll(async () => {
  h = await startLiveHarness({
    demos: [defineDemo({ id: 'hello', command: 'exits-with 0 "bonjour depuis hello"' }), defineDemo({ id: 'idler', kind: 'daemon', command: 'prints-then-idles "idler prêt"' })],
  });
});

afterAll(async () => {
  await h?.close();
});

const auth = (): [string, string][] => [
  ['Host', h.host],
  ['Cookie', h.cookie],
];

/** What every refusal must hold: the status, nothing spawned, no secret in the answer, server still up. */
async function expectRefused(response: RawResponse, statuses: number[], offered?: string): Promise<void> {
  expect(statuses, `status ${response.status}; answer: ${response.raw.slice(0, 300)}`).toContain(response.status);
  expect(h.spawns, 'processes spawned by a refused request').toEqual([]);
  expect(response.raw).not.toContain(h.server.secret);
  if (offered !== undefined && offered.length > 0) expect(response.raw).not.toContain(offered);
  expect(response.headers['access-control-allow-origin']).toBeUndefined();
  expect(await isServing(h)).toBe(true);
}

describe('row 1: the secret', () => {
  const wrongSecrets = (): [string, string][] => [
    ['no secret', ''],
    ['a wrong secret of the same length', h.server.secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))],
    ['a shorter secret', h.server.secret.slice(0, 10)],
    ['a longer secret', `${h.server.secret}x`],
  ];

  test('refuses the API, the event stream and the deck without the right secret (401/403), spawning nothing', async () => {
    for (const [label, secret] of wrongSecrets()) {
      const withSecret: [string, string][] = secret === '' ? [] : [['Cookie', `demystify_${h.server.port}=${secret}`]];
      const body = '{"id":"hello"}';
      const run = await rawRequest(h.server.port, {
        method: 'POST',
        path: '/api/run',
        headers: [['Host', h.host], ...withSecret, ['Content-Type', 'application/json'], ['Content-Length', String(body.length)]],
        body,
      });
      await expectRefused(run, [401, 403], secret);
      const header = await rawRequest(h.server.port, {
        method: 'POST',
        path: '/api/run',
        headers: [['Host', h.host], ['X-Demystify-Token', secret], ['Content-Type', 'application/json'], ['Content-Length', String(body.length)]],
        body,
      });
      await expectRefused(header, [401, 403], secret);
      for (const path of ['/api/events', '/api/state', '/', '/index.html']) {
        const response = await rawRequest(h.server.port, { path, headers: [['Host', h.host], ...withSecret] });
        await expectRefused(response, [401, 403], secret);
        expect(response.body, `${label} on ${path}`).not.toContain('fixture deck');
      }
      const tokenUrl = await rawRequest(h.server.port, { path: `/?token=${encodeURIComponent(secret)}`, headers: [['Host', h.host]] });
      await expectRefused(tokenUrl, [401, 403], secret);
      expect(tokenUrl.headers['set-cookie'], label).toBeUndefined();
    }
  });

  test('the printed URL sets an HttpOnly SameSite=Strict cookie and redirects to the URL without the secret', async () => {
    const response = await rawRequest(h.server.port, { path: `/?token=${h.server.secret}`, headers: [['Host', h.host]] });
    expect(response.status).toBe(303);
    expect(response.headers['location']).toBe('/');
    expect(response.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(response.headers['set-cookie']).toMatch(/SameSite=Strict/);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    const page = await rawRequest(h.server.port, { path: '/', headers: auth() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('fixture deck');
    expect(page.raw).not.toContain(h.server.secret);
  });
});

describe('row 2: the Host header (DNS rebinding)', () => {
  const hosts = (): [string, string | undefined][] => [
    ['evil.example', 'evil.example'],
    ['evil.example with our port', `evil.example:${h.server.port}`],
    ['missing Host', undefined],
    ['localhost.evil.com', `localhost.evil.com:${h.server.port}`],
    ['127.0.0.1.nip.io', `127.0.0.1.nip.io:${h.server.port}`],
    ['127.0.0.1.nip.io without port', '127.0.0.1.nip.io'],
    ['our address on another port', `127.0.0.1:${h.server.port + 1}`],
  ];

  test('answers 403 before routing, whatever the path and even with the secret', async () => {
    for (const [label, host] of hosts()) {
      const headers: [string, string][] = host === undefined ? [['Cookie', h.cookie]] : [['Host', host], ['Cookie', h.cookie]];
      for (const path of ['/', '/api/state', '/api/events', '/no-such-file', `/?token=${h.server.secret}`]) {
        const response = await rawRequest(h.server.port, { path, headers });
        await expectRefused(response, [403]);
        expect(response.headers['set-cookie'], `${label} ${path}`).toBeUndefined();
      }
      const body = '{"id":"hello"}';
      const run = await rawRequest(h.server.port, { method: 'POST', path: '/api/run', headers: [...headers, ['Content-Type', 'application/json'], ['Content-Length', String(body.length)]], body });
      await expectRefused(run, [403]);
    }
    const http10 = await sendRaw(h.server.port, 'GET /api/state HTTP/1.0\r\n\r\n');
    await expectRefused(http10, [403]);
  });

  test('serves the page to the three loopback names it answers to', async () => {
    for (const host of [`127.0.0.1:${h.server.port}`, `localhost:${h.server.port}`, `[::1]:${h.server.port}`, `LOCALHOST:${h.server.port}`]) {
      const response = await rawRequest(h.server.port, { path: '/', headers: [['Host', host], ['Cookie', h.cookie]] });
      expect(response.status, host).toBe(200);
    }
  });
});

describe('row 3: the Origin header', () => {
  const origins = (): string[] => ['http://evil.example', 'null', `http://192.168.1.5:${h.server.port}`, 'http://localhost.evil.com', `https://127.0.0.1:${h.server.port}`, `http://127.0.0.1:${h.server.port + 1}`];

  test('answers 403 to run and stop from a foreign Origin, spawning nothing', async () => {
    for (const origin of origins()) {
      for (const action of ['run', 'stop', 'restart', 'stop-all']) {
        const response = await postJson(h, `/api/${action}`, action === 'stop-all' ? {} : { id: 'hello' }, [['Origin', origin]]);
        await expectRefused(response, [403]);
      }
    }
  });

  test('answers 403 to an event stream opened from a foreign Origin or a cross-site fetch', async () => {
    for (const origin of origins()) {
      const response = await rawRequest(h.server.port, { path: '/api/events', headers: [...auth(), ['Origin', origin]] });
      await expectRefused(response, [403]);
      expect(response.headers['content-type'] ?? '').not.toContain('text/event-stream');
    }
    for (const site of ['cross-site', 'same-site']) {
      const events = await rawRequest(h.server.port, { path: '/api/events', headers: [...auth(), ['Sec-Fetch-Site', site]] });
      await expectRefused(events, [403]);
      const run = await postJson(h, '/api/run', { id: 'hello' }, [['Sec-Fetch-Site', site]]);
      await expectRefused(run, [403]);
    }
  });

  test('accepts the run from its own origin, and says nothing about CORS', async () => {
    const stream = await openEventStream({ port: h.server.port, cookie: h.cookie, headers: { Origin: `http://127.0.0.1:${h.server.port}` } });
    try {
      expect(stream.status).toBe(200);
      const response = await postJson(h, '/api/run', { id: 'hello' }, [['Origin', `http://${hostOf(h)}`], ['Sec-Fetch-Site', 'same-origin']]);
      expect(response.status).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      await stream.waitFor(isState('hello', 'exited'), undefined, 'hello exited');
      expect(stream.output('hello')).toContain('bonjour depuis hello');
      expect(h.spawns.map((spawn) => spawn.demoId)).toEqual(['hello']);
    } finally {
      stream.close();
      h.spawns.length = 0;
    }
  });
});

describe('row 4: state changes only by POST with a JSON body', () => {
  test('refuses a run through GET (405), text/plain and form posts (415), spawning nothing', async () => {
    await expectRefused(await rawRequest(h.server.port, { path: '/api/run?id=hello', headers: auth() }), [405]);
    await expectRefused(await rawRequest(h.server.port, { path: '/api/run', headers: auth() }), [405]);
    await expectRefused(await rawRequest(h.server.port, { method: 'HEAD', path: '/api/stop?id=hello', headers: auth() }), [405]);
    const posts: [string, string][] = [
      ['text/plain', '{"id":"hello"}'],
      ['text/plain;charset=UTF-8', '{"id":"hello"}'],
      ['application/x-www-form-urlencoded', 'id=hello'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="id"\r\n\r\nhello\r\n--x--\r\n'],
      ['application/json-patch+json', '{"id":"hello"}'],
    ];
    for (const [type, body] of posts) {
      const response = await rawRequest(h.server.port, { method: 'POST', path: '/api/run', headers: [...auth(), ['Content-Type', type], ['Content-Length', String(Buffer.byteLength(body))]], body });
      await expectRefused(response, [415]);
    }
    const noType = await rawRequest(h.server.port, { method: 'POST', path: '/api/run', headers: [...auth(), ['Content-Length', '14']], body: '{"id":"hello"}' });
    await expectRefused(noType, [415]);
  });
});

describe('row 5: malformed, oversized and unknown requests', () => {
  test('answers 400/404 to malformed paths, traversal, encoded dots, NUL and symlinks out of the deck', async () => {
    const cases: [string, number[]][] = [
      ['/%zz', [400]],
      ['/%E0%A4%A', [400]],
      ['http://[bad/', [400]],
      ['http://evil.example/', [400]],
      ['//evil.example/', [400]],
      ['/../../../../etc/passwd', [400, 404]],
      ['/binaries/../../outside-secret.txt', [400, 404]],
      ['/%2e%2e/%2e%2e/%2e%2e/etc/passwd', [400, 404]],
      ['/binaries/%2e%2e%2f%2e%2e%2foutside-secret.txt', [400, 404]],
      ['/binaries/..%2f..%2foutside-secret.txt', [400, 404]],
      ['/binaries/..%5c..%5coutside-secret.txt', [400, 404]],
      ['/index.html%00.svg', [400]],
      ['/%00', [400]],
      ['/escape.txt', [404]],
      ['/binaries', [404]],
    ];
    for (const [path, statuses] of cases) {
      const response = await rawRequest(h.server.port, { path, headers: auth() });
      await expectRefused(response, statuses);
      expect(response.body, path).not.toMatch(/OUTSIDE-THE-DECK|root:x:0:0/);
    }
  });

  test('answers 414 to a huge URL, 431 to huge headers and 413 to a huge body', async () => {
    await expectRefused(await rawRequest(h.server.port, { path: `/${'a'.repeat(8000)}`, headers: auth() }), [414]);
    await expectRefused(await rawRequest(h.server.port, { path: `/api/state?${'a'.repeat(3000)}`, headers: auth() }), [414]);
    await expectRefused(await rawRequest(h.server.port, { path: `/${'a'.repeat(100_000)}`, headers: auth() }), [414, 431]);
    await expectRefused(await rawRequest(h.server.port, { path: '/', headers: [...auth(), ['X-Padding', 'a'.repeat(20_000)]] }), [431]);
    const manyHeaders: [string, string][] = Array.from({ length: 400 }, (_, i) => [`X-H${i}`, 'b'.repeat(60)]);
    await expectRefused(await rawRequest(h.server.port, { path: '/', headers: [...auth(), ...manyHeaders] }), [431]);

    const big = JSON.stringify({ id: 'hello', pad: 'x'.repeat(10_000) });
    await expectRefused(await postJson(h, '/api/run', big), [413]);
    const declared = await rawRequest(h.server.port, {
      method: 'POST',
      path: '/api/run',
      headers: [...auth(), ['Content-Type', 'application/json'], ['Content-Length', String(50 * 1024 * 1024)]],
      body: '{"id":"hel',
    });
    await expectRefused(declared, [413]);
    const chunk = `{"id":"hello","x":"${'y'.repeat(8000)}"}`;
    const chunked = await rawRequest(h.server.port, {
      method: 'POST',
      path: '/api/run',
      headers: [...auth(), ['Content-Type', 'application/json'], ['Transfer-Encoding', 'chunked']],
      body: `${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`,
    });
    await expectRefused(chunked, [413]);
  });

  test('answers 405 to methods it does not use and 400 to a method that does not exist', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
      for (const path of ['/', '/api/run', '/api/state', '/api/events']) {
        await expectRefused(await rawRequest(h.server.port, { method, path, headers: [...auth(), ['Content-Length', '0']] }), [405]);
      }
    }
    await expectRefused(await rawRequest(h.server.port, { method: 'FOO', path: '/api/run', headers: auth() }), [400, 405]);
    await expectRefused(await sendRaw(h.server.port, 'GET / HTTP/1.1\r\nHost\r\n\r\n'), [400]);
    await expectRefused(await sendRaw(h.server.port, 'this is not http\r\n\r\n'), [400]);
  });

  test('answers 404 to an API path that does not exist', async () => {
    await expectRefused(await postJson(h, '/api/exec', { id: 'hello' }), [404]);
    await expectRefused(await postJson(h, '/api/run/hello', {}), [404]);
  });
});

describe('row 6: strict validation of the demo named', () => {
  test('answers 404 to an unknown id and 400 to ids with path characters, wrong types, invalid JSON or extra fields', async () => {
    const cases: [string, number][] = [
      ['{"id":"nope"}', 404],
      ['{"id":"../hello"}', 400],
      ['{"id":"hello/../idler"}', 400],
      ['{"id":"a/b"}', 400],
      ['{"id":"hello;touch pwned"}', 400],
      ['{"id":"$(touch pwned)"}', 400],
      ['{"id":"HELLO"}', 400],
      ['{"id":" hello"}', 400],
      [`{"id":"${'a'.repeat(49)}"}`, 400],
      ['{"id":["hello"]}', 400],
      ['{"id":{"id":"hello"}}', 400],
      ['{"id":7}', 400],
      ['{"id":null}', 400],
      ['{}', 400],
      ['["hello"]', 400],
      ['"hello"', 400],
      ['null', 400],
      ['{"id":', 400],
      ['', 400],
      ['{"id":"hello","command":"touch pwned"}', 400],
      ['{"id":"hello","__proto__":{"admin":true}}', 400],
      ['{"id":"hello"}{"id":"idler"}', 400],
    ];
    for (const action of ['run', 'stop', 'restart']) {
      for (const [body, status] of cases) {
        const response = await postJson(h, `/api/${action}`, body);
        await expectRefused(response, [status]);
        expect(JSON.parse(response.body), `${action} ${body}`).toMatchObject({ error: { code: expect.any(String), message: expect.stringMatching(/\S/) } });
      }
    }
    expect((await getSnapshot(h, 'hello')).state).not.toBe('failed');
  });
});

test('every answer carries nosniff, same-origin resource policy, no-referrer and frame-ancestors', async () => {
  const answers = [
    await rawRequest(h.server.port, { path: '/', headers: auth() }),
    await rawRequest(h.server.port, { path: '/api/state', headers: auth() }),
    await rawRequest(h.server.port, { path: '/', headers: [['Host', 'evil.example']] }),
    await rawRequest(h.server.port, { path: '/', headers: [['Host', h.host]] }),
    await rawRequest(h.server.port, { path: '/', headers: [...auth(), ['X-Padding', 'a'.repeat(20_000)]] }),
  ];
  for (const answer of answers) {
    expect(answer.headers['x-content-type-options'], String(answer.status)).toBe('nosniff');
    expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  }
});
