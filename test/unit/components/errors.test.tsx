import * as path from 'path';
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import { describeError, errorKind, type ErrorKind } from '../../../src/components/errors';
import { ErrorBoundary } from '../../../src/components/ErrorBoundary';
import { ConflictError } from '../../../src/services/errors';
import ExpertDirectory from '../../../src/webparts/community/experts/components/ExpertDirectory';
import type { IExpertService } from '../../../src/services/ExpertService';
import type { ISparringRequestService } from '../../../src/services/SparringRequestService';
import { loadAmdFile } from '../loc/amd';
import { commonStrings } from '../statusReports/fakes';

initializeIcons(undefined, { disableWarnings: true });
jest.setTimeout(60000);

const LOCALES = ['en-us', 'sv-se', 'da-dk', 'nl-nl'] as const;
const communityStrings = (l: string): ICommunityWebPartStrings =>
  loadAmdFile(path.resolve(__dirname, `../../../src/webparts/community/loc/${l}.js`)) as ICommunityWebPartStrings;

/** An error shaped as @pnp/queryable's HttpRequestError (message, status) after its own retries. */
function pnpError(status: number, statusText: string, retried: boolean = false): Error {
  const message = retried
    ? `Retry count exceeded (3) for this request. ${status}: ${statusText};`
    : `Error making HttpClient request in queryable [${status}] ${statusText} ::> {"odata.error":{"message":{"value":"raw SharePoint text"}}}`;
  return Object.assign(new Error(message), { status, statusText, isHttpRequestError: true });
}

const CASES: Array<[string, unknown, ErrorKind]> = [
  ['@pnp after three retries of 429', new Error('Retry count exceeded (3) for this request. 429: Too Many Requests;'), 'throttled'],
  ['@pnp 429 with status', pnpError(429, 'Too Many Requests', true), 'throttled'],
  ['503 Service Unavailable', pnpError(503, 'Service Unavailable'), 'throttled'],
  ['403 from SharePoint', pnpError(403, 'Forbidden'), 'forbidden'],
  ['403 from Microsoft Graph (statusCode)', Object.assign(new Error('Insufficient privileges'), { statusCode: 403 }), 'forbidden'],
  ['401', pnpError(401, 'Unauthorized'), 'signedOut'],
  ['404 in the message only', new Error('Error making HttpClient request in queryable [404] Not Found ::> {}'), 'notFound'],
  ['412 stale ETag', pnpError(412, 'Precondition Failed'), 'conflict'],
  ['ConflictError', new ConflictError({}, {}), 'conflict'],
  ['413', pnpError(413, 'Payload Too Large'), 'tooLarge'],
  ['423 checked out', pnpError(423, 'Locked'), 'locked'],
  ['400', pnpError(400, 'Bad Request'), 'badRequest'],
  ['500', pnpError(500, 'Internal Server Error'), 'server'],
  ['fetch without network (Chromium)', new TypeError('Failed to fetch'), 'offline'],
  ['fetch without network (Firefox)', new TypeError('NetworkError when attempting to fetch resource.'), 'offline'],
  ['a programming error', new TypeError("Cannot read properties of undefined (reading 'x')"), 'unknown'],
  ['not an Error at all', 'boom', 'unknown']
];

describe('describeError', () => {
  it.each(CASES)('%s is %s', (_name, error, kind) => {
    expect(errorKind(error)).toBe(kind);
  });

  it.each(LOCALES)('in %s says each failure in its own words, never the raw text', (locale) => {
    const c = commonStrings(locale);
    const seen = new Set<string>();
    for (const [, error] of CASES) {
      const text = describeError(error, c);
      expect(text).not.toMatch(/\b(4\d\d|5\d\d)\b|Retry count|HttpClient|raw SharePoint text|Failed to fetch|undefined/);
      seen.add(text);
    }
    // Eleven kinds, eleven different sentences.
    expect(seen.size).toBe(11);
    if (locale !== 'en-us') {
      const en = commonStrings('en-us');
      for (const [, error] of CASES) expect(describeError(error, c)).not.toBe(describeError(error, en));
    }
  });

  it('tells a throttled user to wait, and a forbidden one that permission is missing', () => {
    expect(describeError(pnpError(429, 'Too Many Requests', true), commonStrings())).toMatch(/wait a minute/i);
    expect(describeError(pnpError(403, 'Forbidden'), commonStrings())).toMatch(/permission/);
  });
});

class FailingExperts implements IExpertService {
  public list(): Promise<never> { return Promise.reject(new Error('Retry count exceeded (3) for this request. 429: Too Many Requests;')); }
  public profiles(): Promise<never> { return Promise.reject(new Error('not reached')); }
}

const noSparring = {
  mine: () => Promise.resolve([]), assignedToMe: () => Promise.resolve([]), open: () => Promise.resolve([]), canManage: () => Promise.resolve(false),
  timeZone: () => Promise.resolve({ iana: 'UTC', description: '(UTC) Coordinated Universal Time' })
} as unknown as ISparringRequestService;

describe('a web part that cannot load', () => {
  it.each(LOCALES)('in %s keeps its title and says what happened and what to do', async (locale) => {
    const s = communityStrings(locale);
    const c = commonStrings(locale);
    const { container, unmount } = render(<ExpertDirectory experts={new FailingExperts()} sparring={noSparring} strings={s} common={c} locale={locale} />);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('heading', { name: s.ExpertsTitle })).toBeTruthy();
    // Fluent's MessageBar renders its text a moment later, so screen readers announce it.
    expect(await screen.findByText(c.ErrorThrottled)).toBeTruthy();
    expect(screen.getByRole('button', { name: c.Retry })).toBeTruthy();
    expect(container.textContent).not.toMatch(/429|Retry count|Too Many Requests/);
    unmount();
  });
});

function Boom(): JSX.Element {
  throw new TypeError("Cannot read properties of undefined (reading 'title')");
}

describe('ErrorBoundary', () => {
  it('shows a render failure in the user\'s language, not the programmer\'s message', async () => {
    const c = commonStrings('sv-se');
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { container } = render(<ErrorBoundary title={c.ErrorTitle} retryLabel={c.Retry} common={c}><Boom /></ErrorBoundary>);
      expect(await screen.findByText(c.ErrorUnknown)).toBeTruthy();
      expect(container.textContent).not.toMatch(/Cannot read|undefined/);
    } finally {
      spy.mockRestore();
    }
  });
});
