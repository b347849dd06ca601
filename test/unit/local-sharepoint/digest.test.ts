import { DIGEST_TIMEOUT_SECONDS, FormDigests, needsDigest } from '../../../tools/local-sharepoint/src/digest';

describe('form digests', () => {
  const login = 'i:0#.f|membership|astrid@contoso.com';

  test('a digest is valid for its user and site until FormDigestTimeoutSeconds have passed, then it has timed out', () => {
    let now = Date.UTC(2026, 11, 6, 9, 0, 0);
    const digests = new FormDigests(() => now);
    const d = digests.issue(login, '/sites/pmo');
    expect(d).toMatch(/^0x[0-9A-F]{128},06 Dec 2026 09:00:00 -0000$/);
    expect(() => digests.demand(d, login.toUpperCase(), '/SITES/PMO')).not.toThrow();
    now += DIGEST_TIMEOUT_SECONDS * 1000;
    expect(() => digests.demand(d, login, '/sites/pmo')).not.toThrow();
    now += 1000;
    expect(() => digests.demand(d, login, '/sites/pmo')).toThrow(/has timed out/);
  });

  test('another server instance does not accept the digest (the secret is per start)', () => {
    const d = new FormDigests().issue(login, '/sites/pmo');
    expect(() => new FormDigests().demand(d, login, '/sites/pmo')).toThrow(/security validation for this page is invalid/);
  });

  test('a changed date is refused even though the MAC part is well formed', () => {
    const digests = new FormDigests();
    const d = digests.issue(login, '/sites/pmo');
    const later = d.replace(/\d\d:\d\d:\d\d/, '23:59:59');
    expect(() => digests.demand(later === d ? d.replace(/\d\d:\d\d:\d\d/, '00:00:01') : later, login, '/sites/pmo')).toThrow(/invalid/);
  });

  test('only GET, HEAD and OPTIONS go without; a bearer token replaces the digest', () => {
    expect(['GET', 'HEAD', 'OPTIONS'].map((m) => needsDigest(m, {}))).toEqual([false, false, false]);
    expect(['POST', 'MERGE', 'PATCH', 'PUT', 'DELETE'].map((m) => needsDigest(m, {}))).toEqual([true, true, true, true, true]);
    expect(needsDigest('POST', { authorization: 'Bearer abc' })).toBe(false);
    expect(needsDigest('POST', { authorization: 'Basic abc' })).toBe(true);
  });
});
