import { spfi } from '@pnp/sp';
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { DefaultHeaders, DefaultInit } from '@pnp/sp';
import { DefaultParse } from '@pnp/queryable';
import type { Queryable } from '@pnp/queryable';
import type { TimelinePipe } from '@pnp/core';
import {
  BatchPart,
  MAX_BATCH_OPERATIONS,
  executeBatch,
  parseBatchRequest,
  writeBatchResponse
} from '../../../tools/local-sharepoint/src/batch';
import { SpError } from '../../../tools/local-sharepoint/src/http/errors';
import type { LocalRequest, LocalResponse } from '../../../tools/local-sharepoint/src/http/types';

const SITE = 'http://localhost:4321/sites/pmo';
const API = `${SITE}/_api`;
const LIST = `${API}/web/lists/getByTitle('Projects')`;
const JSON_MINIMAL = 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';

interface Captured {
  url: string;
  headers: Headers;
  body: string;
}

/** Replaces the network: every request @pnp/sp sends (only the outer $batch POST here) goes to `handler`. */
function stubSend(handler: (url: string, init: RequestInit) => Promise<Response>): TimelinePipe {
  return (instance: Queryable) => {
    instance.on.send.replace(async (url: URL, init: RequestInit): Promise<Response> => handler(url.toString(), init));
    return instance;
  };
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): LocalResponse {
  return { status, headers: { 'content-type': JSON_MINIMAL, ...headers }, body: JSON.stringify(value) };
}

/** A tiny stand-in for the real router: enough to tell the operations apart and answer like SharePoint. */
async function fakeDispatch(req: LocalRequest): Promise<LocalResponse> {
  const path = decodeURIComponent(req.url.pathname);
  if (req.method === 'GET' && /items\(1\)$/.test(path)) {
    return json(200, { Id: 1, Title: 'One' }, { ETag: '"1"' });
  }
  if (req.method === 'GET' && path.endsWith('/items')) {
    return json(200, { value: [{ Id: 1, Title: 'One' }, { Id: 10, Title: 'A' }] });
  }
  if (req.method === 'POST' && path.endsWith('/items')) {
    const props = JSON.parse(req.body.toString('utf8')) as { Title: string };
    return json(201, { Id: props.Title === 'A' ? 10 : 11, Title: props.Title }, { ETag: '"1"' });
  }
  if (req.method === 'MERGE') {
    // The ETag of a list item is "<n>", without colons, so @pnp/sp's header parser keeps it.
    return { status: 204, headers: { ETag: '"4"' }, body: '' };
  }
  if (req.method === 'DELETE') {
    // SharePoint answers a delete with 200 and an empty body.
    return { status: 200, headers: {}, body: '' };
  }
  return json(404, { 'odata.error': { code: '-1', message: { lang: 'en-US', value: 'not found' } } });
}

interface RoundTrip {
  captured: Captured;
  parts: BatchPart[];
  requests: LocalRequest[];
  /** How many outer $batch POSTs @pnp/sp sent. */
  posts: number;
}

/** Wires the real @pnp/sp client to parse → execute → write, recording what crossed the wire. */
function wire(dispatch: (req: LocalRequest) => Promise<LocalResponse> = fakeDispatch, mangle: (body: string) => string = (b) => b): { sp: SPFI; trip: RoundTrip } {
  const trip: RoundTrip = { captured: { url: '', headers: new Headers(), body: '' }, parts: [], requests: [], posts: 0 };
  const sp = spfi(SITE).using(DefaultHeaders(), DefaultInit(), DefaultParse(), stubSend(async (url, init) => {
    const headers = new Headers(init.headers);
    trip.captured = { url, headers, body: String(init.body) };
    trip.posts++;
    trip.parts = parseBatchRequest(headers.get('content-type') ?? '', Buffer.from(String(init.body), 'utf8'));
    const responses = await executeBatch(new URL(url), trip.parts, async (req) => {
      trip.requests.push(req);
      return dispatch(req);
    });
    const written = writeBatchResponse(responses);
    return new Response(mangle(written.body), { status: 200, headers: { 'content-type': written.contentType } });
  }));
  return { sp, trip };
}

function expectSpError400(run: () => unknown, message?: RegExp): void {
  let thrown: unknown;
  try {
    run();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(SpError);
  const err = thrown as SpError;
  expect(err.status).toBe(400);
  if (message) expect(err.message).toMatch(message);
}

const LF_BATCH = [
  '--batch_abc',
  'Content-Type: application/http',
  'Content-Transfer-Encoding: binary',
  '',
  `GET ${LIST}/items HTTP/1.1`,
  'accept: application/json',
  '',
  '--batch_abc',
  'Content-Type: multipart/mixed; boundary="changeset_def"',
  '',
  '--changeset_def',
  'Content-Type: application/http',
  'Content-Transfer-Encoding: binary',
  '',
  `POST ${LIST}/items HTTP/1.1`,
  'accept: application/json',
  'content-type: application/json;charset=utf-8',
  '',
  '{"Title":"Été ✓"}',
  '',
  '--changeset_def',
  'Content-Type: application/http',
  'Content-Transfer-Encoding: binary',
  '',
  `DELETE ${LIST}/items(3) HTTP/1.1`,
  'if-match: *',
  '',
  '--changeset_def--',
  '',
  '--batch_abc--',
  ''
].join('\n');

describe('$batch against the real @pnp/sp v4 client', () => {
  it('parses what @pnp/sp writes and @pnp/sp reads back what the writer produces', async () => {
    const { sp, trip } = wire();
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle('Projects');
    const first = list.items.getById(1)();
    const addA = list.items.add({ Title: 'A' });
    const addB = list.items.add({ Title: 'B' });
    const update = list.items.getById(2).update({ Title: 'C' }, '"3"');
    const remove = list.items.getById(4).delete('"1"');
    const all = list.items.select('Id', 'Title')();
    // A write after the GET opens a second changeset.
    const addD = list.items.add({ Title: 'D' });
    await execute();

    await expect(first).resolves.toEqual({ Id: 1, Title: 'One' });
    await expect(addA).resolves.toEqual({ Id: 10, Title: 'A' });
    await expect(addB).resolves.toEqual({ Id: 11, Title: 'B' });
    await expect(update).resolves.toEqual({ etag: '"4"' });
    await expect(remove).resolves.toEqual({});
    await expect(all).resolves.toEqual([{ Id: 1, Title: 'One' }, { Id: 10, Title: 'A' }]);
    await expect(addD).resolves.toEqual({ Id: 11, Title: 'D' });

    // The outer request, exactly as reference §2.5 describes it.
    const { url, headers, body } = trip.captured;
    expect(url).toBe(`${API}/$batch`);
    const batchId = /^multipart\/mixed; boundary=batch_([0-9a-f-]{36})$/.exec(headers.get('content-type') ?? '')?.[1];
    expect(batchId).toBeDefined();
    const changesets = [...body.matchAll(/boundary="changeset_([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(changesets).toHaveLength(2);
    expect(changesets[0]).not.toBe(changesets[1]);

    // Byte for byte: LF only, GETs outside changesets, X-HTTP-Method turned into the verb.
    const http = (line: string, headerLines: string[], payload?: string): string =>
      'Content-Type: application/http\nContent-Transfer-Encoding: binary\n\n' +
      `${line}\n${headerLines.map((h) => `${h}\n`).join('')}\n${payload !== undefined ? `${payload}\n\n` : ''}`;
    const jsonHeaders = ['accept: application/json', 'content-type: application/json;charset=utf-8'];
    const [c1, c2] = changesets;
    expect(body).toBe(
      `--batch_${batchId}\n` + http(`GET ${LIST}/items(1) HTTP/1.1`, jsonHeaders) +
      `--batch_${batchId}\nContent-Type: multipart/mixed; boundary="changeset_${c1}"\n\n` +
      `--changeset_${c1}\n` + http(`POST ${LIST}/items HTTP/1.1`, jsonHeaders, '{"Title":"A"}') +
      `--changeset_${c1}\n` + http(`POST ${LIST}/items HTTP/1.1`, jsonHeaders, '{"Title":"B"}') +
      `--changeset_${c1}\n` + http(`MERGE ${LIST}/items(2) HTTP/1.1`, [...jsonHeaders, 'if-match: "3"'], '{"Title":"C"}') +
      `--changeset_${c1}\n` + http(`DELETE ${LIST}/items(4) HTTP/1.1`, [...jsonHeaders, 'if-match: "1"']) +
      `--changeset_${c1}--\n\n` +
      `--batch_${batchId}\n` + http(`GET ${LIST}/items?%24select=Id%2CTitle HTTP/1.1`, jsonHeaders) +
      `--batch_${batchId}\nContent-Type: multipart/mixed; boundary="changeset_${c2}"\n\n` +
      `--changeset_${c2}\n` + http(`POST ${LIST}/items HTTP/1.1`, jsonHeaders, '{"Title":"D"}') +
      `--changeset_${c2}--\n\n` +
      `--batch_${batchId}--\n`
    );
    expect(body).not.toContain('\r');

    // What the parser made of it.
    expect(trip.parts.map((p) => [p.method, p.url, p.changeset])).toEqual([
      ['GET', `${LIST}/items(1)`, undefined],
      ['POST', `${LIST}/items`, `changeset_${c1}`],
      ['POST', `${LIST}/items`, `changeset_${c1}`],
      ['MERGE', `${LIST}/items(2)`, `changeset_${c1}`],
      ['DELETE', `${LIST}/items(4)`, `changeset_${c1}`],
      ['GET', `${LIST}/items?%24select=Id%2CTitle`, undefined],
      ['POST', `${LIST}/items`, `changeset_${c2}`]
    ]);
    expect(trip.parts[1].body.toString('utf8')).toBe('{"Title":"A"}');
    expect(trip.parts[0].body.length).toBe(0);
    expect(trip.parts[3].headers).toEqual({
      accept: 'application/json', 'content-type': 'application/json;charset=utf-8', 'if-match': '"3"'
    });
    expect(trip.requests.map((r) => r.url.href)).toEqual(trip.parts.map((p) => p.url));
    // 204 for the MERGE: @pnp/sp read its ETag header (asserted above) and gave it no body.
    expect(trip.requests[3].method).toBe('MERGE');
    expect(trip.requests[5].url.searchParams.get('$select')).toBe('Id,Title');
  });

  it('uses two changesets when a GET sits between writes', async () => {
    const { sp, trip } = wire();
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle('Projects');
    const added = list.items.add({ Title: 'A' });
    const read = list.items.getById(1)();
    const updated = list.items.getById(2).update({ Title: 'C' });
    await execute();
    await expect(added).resolves.toEqual({ Id: 10, Title: 'A' });
    await expect(read).resolves.toEqual({ Id: 1, Title: 'One' });
    await expect(updated).resolves.toEqual({ etag: '"4"' });
    const changesets = new Set(trip.parts.map((p) => p.changeset));
    expect(trip.parts.map((p) => p.method)).toEqual(['POST', 'GET', 'MERGE']);
    expect(changesets.size).toBe(3); // two changesets and `undefined` for the GET
    expect(trip.parts[2].headers['if-match']).toBe('*');
  });

  it('reads every chunk when @pnp/sp splits a large batch into POSTs of 20', async () => {
    const { sp, trip } = wire();
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle('Projects');
    const adds = Array.from({ length: 25 }, () => list.items.add({ Title: 'B' }));
    await execute();
    await expect(Promise.all(adds)).resolves.toHaveLength(25);
    expect(trip.posts).toBe(2);
    expect(trip.parts).toHaveLength(5);
    expect(trip.requests).toHaveLength(25);
  });

  it('rejects only the failed operation: the batch is not transactional', async () => {
    const dispatch = async (req: LocalRequest): Promise<LocalResponse> => {
      if (req.method === 'MERGE') {
        return json(412, { 'odata.error': { code: '-1, Microsoft.SharePoint.Client.ClientServiceException', message: { lang: 'en-US', value: 'etag' } } });
      }
      return fakeDispatch(req);
    };
    const { sp, trip } = wire(dispatch);
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle('Projects');
    const added = list.items.add({ Title: 'A' });
    const updated = list.items.getById(2).update({ Title: 'C' }, '"9"');
    const addedLater = list.items.add({ Title: 'B' });
    await execute();
    await expect(added).resolves.toEqual({ Id: 10, Title: 'A' });
    await expect(updated).rejects.toMatchObject({ status: 412 });
    await expect(addedLater).resolves.toEqual({ Id: 11, Title: 'B' });
    expect(trip.requests).toHaveLength(3);
  });

  it('answers an empty batch that @pnp/sp still parses', () => {
    const { body } = writeBatchResponse([]);
    expect(body).toMatch(/^--batchresponse_[0-9a-f-]{36}--\r\n$/);
  });

  it('proves the trailing-newline rule against the real parser: a second line break breaks @pnp/sp', async () => {
    const { sp } = wire(fakeDispatch, (b) => `${b}\r\n`);
    const [batched, execute] = sp.batched();
    void batched.web.lists.getByTitle('Projects').items.getById(1)().catch(() => undefined);
    await expect(execute()).rejects.toThrow();
  });

  it('proves the trailing-newline rule against the real parser: no line break breaks @pnp/sp', async () => {
    const { sp } = wire(fakeDispatch, (b) => b.replace(/\r\n$/, ''));
    const [batched, execute] = sp.batched();
    void batched.web.lists.getByTitle('Projects').items.getById(1)().catch(() => undefined);
    await expect(execute()).rejects.toThrow('Unexpected end of input');
  });

  it('never throws anything but SpError 400 on a truncated @pnp/sp body', async () => {
    const { sp, trip } = wire();
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle('Projects');
    void list.items.getById(1)();
    void list.items.add({ Title: 'A' });
    void list.items.getById(2).update({ Title: 'C' });
    await execute();
    const contentType = trip.captured.headers.get('content-type') ?? '';
    const full = Buffer.from(trip.captured.body, 'utf8');
    let failures = 0;
    for (let cut = 0; cut < full.length; cut++) {
      try {
        parseBatchRequest(contentType, full.subarray(0, cut));
      } catch (err) {
        expect(err).toBeInstanceOf(SpError);
        expect((err as SpError).status).toBe(400);
        failures++;
      }
    }
    // Only dropping the very last LF leaves the closing boundary intact.
    expect(failures).toBe(full.length - 1);
  });
});

describe('parseBatchRequest', () => {
  const expected = [
    { method: 'GET', url: `${LIST}/items`, headers: { accept: 'application/json' } },
    { method: 'POST', url: `${LIST}/items`, changeset: 'changeset_def' },
    { method: 'DELETE', url: `${LIST}/items(3)`, headers: { 'if-match': '*' }, changeset: 'changeset_def' }
  ];

  it('reads LF bodies with an unquoted boundary', () => {
    const parts = parseBatchRequest('multipart/mixed; boundary=batch_abc', Buffer.from(LF_BATCH, 'utf8'));
    expect(parts).toMatchObject(expected);
    expect(parts[1].body.toString('utf8')).toBe('{"Title":"Été ✓"}');
    expect(parts[0].changeset).toBeUndefined();
    expect(parts[2].body.length).toBe(0);
  });

  it('reads CRLF bodies with a quoted boundary and other parameters, keeping body bytes intact', () => {
    const crlf = LF_BATCH.replace(/\n/g, '\r\n');
    const parts = parseBatchRequest('Multipart/Mixed; charset=utf-8; Boundary="batch_abc"', Buffer.from(crlf, 'utf8'));
    expect(parts).toMatchObject(expected);
    expect(parts[1].body.equals(Buffer.from('{"Title":"Été ✓"}', 'utf8'))).toBe(true);
  });

  it('keeps line breaks inside a body and decodes UTF-8 in URLs and header values', () => {
    const text = [
      '--b', 'Content-Type: multipart/mixed; boundary=cs', '',
      '--cs', 'Content-Type: application/http', '',
      `POST ${SITE}/_api/web/lists/getByTitle('Été')/items HTTP/1.1`, 'X-Note: café', '',
      '{', '  "Title": "x"', '}', '',
      '--cs--', '--b--', ''
    ].join('\r\n');
    const [part] = parseBatchRequest('multipart/mixed; boundary=b', Buffer.from(text, 'utf8'));
    expect(part.url).toBe(`${SITE}/_api/web/lists/getByTitle('Été')/items`);
    expect(part.headers).toEqual({ 'X-Note': 'café' });
    expect(part.body.toString('utf8')).toBe('{\r\n  "Title": "x"\r\n}');
  });

  it('ignores a preamble and an epilogue, and reads an empty batch', () => {
    const text = `preamble\n${LF_BATCH}epilogue\n`;
    expect(parseBatchRequest('multipart/mixed; boundary=batch_abc', Buffer.from(text))).toHaveLength(3);
    expect(parseBatchRequest('multipart/mixed; boundary=x', Buffer.from('--x--\n'))).toEqual([]);
  });

  it('accepts exactly 1000 operations and refuses 1001', () => {
    const body = (n: number): Buffer => {
      const part = `--b\nContent-Type: application/http\n\nGET ${API}/web HTTP/1.1\n\n`;
      return Buffer.from(`${part.repeat(n)}--b--\n`);
    };
    expect(parseBatchRequest('multipart/mixed; boundary=b', body(MAX_BATCH_OPERATIONS))).toHaveLength(MAX_BATCH_OPERATIONS);
    expectSpError400(() => parseBatchRequest('multipart/mixed; boundary=b', body(MAX_BATCH_OPERATIONS + 1)), /more than 1000/);
  });

  describe('answers 400 (SpError) for malformed input', () => {
    const ok = 'multipart/mixed; boundary=batch_abc';
    const cases: Array<[string, string, string, RegExp]> = [
      ['an empty Content-Type', '', LF_BATCH, /Content-Type: multipart\/mixed/],
      ['a Content-Type without boundary', 'multipart/mixed', LF_BATCH, /boundary/],
      ['an empty quoted boundary', 'multipart/mixed; boundary=""', LF_BATCH, /boundary/],
      ['a non-multipart Content-Type', 'application/json; boundary=batch_abc', LF_BATCH, /multipart\/mixed/],
      ['a boundary the body does not use', 'multipart/mixed; boundary=batch_zzz', LF_BATCH, /does not contain the boundary 'batch_zzz'/],
      ['an empty body', ok, '', /does not contain the boundary/],
      ['a body without its closing boundary', ok, LF_BATCH.replace('--batch_abc--\n', ''), /ends without its closing boundary/],
      ['a changeset without its closing boundary', ok, LF_BATCH.replace('--changeset_def--\n', ''), /changeset body ends without/],
      ['a changeset whose boundary is missing from its header', ok,
        LF_BATCH.replace('boundary="changeset_def"', 'charset=utf-8'), /changeset part of the batch has no boundary/],
      ['a part without request line', ok, LF_BATCH.replace(`GET ${LIST}/items HTTP/1.1\n`, ''), /HTTP request line/],
      ['a part that is only MIME headers', ok,
        '--batch_abc\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\n--batch_abc--\n', /no HTTP request line/],
      ['a part with no blank line after its MIME headers', ok,
        '--batch_abc\nContent-Type: application/http\n--batch_abc--\n', /no HTTP request line/],
      ['a request line without HTTP version', ok, LF_BATCH.replace(`GET ${LIST}/items HTTP/1.1`, `GET ${LIST}/items`), /HTTP request line/],
      ['a JSON body where the request line belongs', ok,
        LF_BATCH.replace(`POST ${LIST}/items HTTP/1.1`, '{"Title": "x"}'), /found '\{"Title": "x"\}'/],
      ['a malformed MIME header', ok, LF_BATCH.replace('Content-Transfer-Encoding: binary', 'Content-Transfer-Encoding binary'), /Malformed header line/],
      ['a malformed request header', ok, LF_BATCH.replace('if-match: *', 'if-match *'), /Malformed header line 'if-match \*'/],
      ['a part that is not application/http', ok, LF_BATCH.replace('Content-Type: application/http', 'Content-Type: text/plain'), /application\/http/],
      ['a changeset nested in a changeset', ok,
        LF_BATCH.replace('--changeset_def\nContent-Type: application/http', '--changeset_def\nContent-Type: multipart/mixed; boundary=x'), /changeset cannot contain/]
    ];
    it.each(cases)('%s', (_name, contentType, text, message) => {
      expectSpError400(() => parseBatchRequest(contentType, Buffer.from(text, 'utf8')), message);
    });
  });
});

describe('writeBatchResponse', () => {
  const parts: LocalResponse[] = [
    json(200, { Id: 1 }, { ETag: '"1"', 'content-length': '8' }),
    { status: 204, headers: { ETag: '"2"' }, body: '' },
    { status: 200, statusText: 'OK', headers: { 'x-bad': 'a\r\nInjected: 1' }, body: Buffer.from('') },
    { status: 201, headers: {}, body: Buffer.from('{"Title":"Été"}', 'utf8') }
  ];

  it('writes flat CRLF parts with the status line right after the blank line', () => {
    const { contentType, body } = writeBatchResponse(parts);
    const boundary = /^multipart\/mixed; boundary=(batchresponse_[0-9a-f-]{36})$/.exec(contentType)?.[1];
    expect(boundary).toBeDefined();
    expect(body).toBe([
      `--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
      'HTTP/1.1 200 OK', `content-type: ${JSON_MINIMAL}`, 'ETag: "1"', '', '{"Id":1}',
      `--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
      'HTTP/1.1 204 No Content', 'ETag: "2"', '',
      `--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
      'HTTP/1.1 200 OK', 'x-bad: a Injected: 1', '',
      `--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
      'HTTP/1.1 201 Created', '', '{"Title":"Été"}',
      `--${boundary}--`, ''
    ].join('\r\n'));
  });

  it('ends with exactly one CRLF after the closing boundary', () => {
    const { body } = writeBatchResponse(parts);
    expect(body.endsWith('--\r\n')).toBe(true);
    expect(body.endsWith('\r\n\r\n')).toBe(false);
    expect(body.match(/--batchresponse_[0-9a-f-]{36}--/g)).toHaveLength(1);
  });

  it('uses a fresh boundary each time', () => {
    expect(writeBatchResponse([]).contentType).not.toBe(writeBatchResponse([]).contentType);
  });
});

describe('executeBatch', () => {
  const batchUrl = new URL(`${API}/$batch`);
  const part = (url: string, extra: Partial<BatchPart> = {}): BatchPart =>
    ({ method: 'GET', url, headers: { Accept: 'application/json;odata=verbose' }, body: Buffer.alloc(0), ...extra });
  const echo = async (req: LocalRequest): Promise<LocalResponse> =>
    ({ status: 200, headers: {}, body: JSON.stringify({ method: req.method, url: req.url.href, headers: req.headers }) });

  it('runs parts in order, lower-cases headers and resolves relative URLs against the service root', async () => {
    const seen: string[] = [];
    const responses = await executeBatch(batchUrl, [
      part('web/lists'),
      part('/sites/pmo/_api/web', { method: 'MERGE', headers: { 'IF-Match': '*' }, body: Buffer.from('{}') }),
      part(`${API}/web/title`)
    ], async (req) => {
      seen.push(req.url.href);
      return echo(req);
    });
    expect(seen).toEqual([`${API}/web/lists`, `${API}/web`, `${API}/web/title`]);
    expect(JSON.parse(String(responses[0].body))).toMatchObject({ headers: { accept: 'application/json;odata=verbose' } });
    expect(JSON.parse(String(responses[1].body))).toMatchObject({ method: 'MERGE', headers: { 'if-match': '*' } });
  });

  it('answers 400 in its own part for another origin or another site, and carries on', async () => {
    const dispatched: string[] = [];
    const responses = await executeBatch(batchUrl, [
      part('http://other:4321/sites/pmo/_api/web'),
      part('http://localhost:4321/sites/other/_api/web'),
      part('http://localhost:4321/sites/PMO/_api/web'),
      part('http://localhost:4321/sites/pmo/sub/_api/web'),
      part('http://localhost:4321/sites/pmo/SitePages/Home.aspx'),
      part('http://[bad'),
      part(`${API}/web`)
    ], async (req) => {
      dispatched.push(req.url.href);
      return echo(req);
    });
    expect(responses.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 200]);
    expect(dispatched).toEqual([`${API}/web`]);
    // Errors follow the OData mode each part asked for.
    expect(JSON.parse(String(responses[1].body))).toMatchObject({ error: { message: { value: expect.stringMatching(/same site/) } } });
    expect(JSON.parse(String(responses[0].body)).error.message.value).toMatch(/another host/);
  });

  it('does not roll back: a throwing part answers in its own part and later parts still run', async () => {
    let calls = 0;
    const responses = await executeBatch(batchUrl, [part(`${API}/a`), part(`${API}/b`), part(`${API}/c`)], async (req) => {
      calls++;
      if (req.url.pathname.endsWith('/a')) throw new SpError(404, '-1, System.ArgumentException', 'gone');
      if (req.url.pathname.endsWith('/b')) throw new Error('boom');
      return echo(req);
    });
    expect(calls).toBe(3);
    expect(responses.map((r) => r.status)).toEqual([404, 500, 200]);
    expect(JSON.parse(String(responses[1].body)).error.message.value).toBe('boom');
  });

  it('accepts a batch on the root site', async () => {
    const responses = await executeBatch(new URL('http://localhost:4321/_api/$batch'),
      [part('http://localhost:4321/_api/web'), part(`${API}/web`)], echo);
    expect(responses.map((r) => r.status)).toEqual([200, 400]);
  });
});
