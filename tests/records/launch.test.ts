import { describe, expect, it } from 'vitest';
import { basicAuth, checkEndpoint, parseLaunch, resolveXapiConfig } from '../../src/records/xapi/launch.ts';
import { defaultRecordsSettings } from '../../src/storage/recordsDefaults.ts';

const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
const SECRET_AUTH = 'Basic c2VjcmV0LWtleTpzZWNyZXQtcGFzcw==';

describe('launch parameters (tincan / cmi5 style)', () => {
  it('is not a launch without an endpoint', () => {
    expect(parseLaunch('')).toEqual({ kind: 'none' });
    expect(parseLaunch('?lang=fi')).toEqual({ kind: 'none' });
  });

  it('reads endpoint, auth, an xAPI actor and the registration', () => {
    const reading = parseLaunch(
      q({
        endpoint: 'https://lrs.example.com/xapi',
        auth: SECRET_AUTH,
        actor: JSON.stringify({ name: 'Aino Virtanen', mbox: 'mailto:aino@example.com' }),
        registration: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
        activity_id: 'https://lms.example.com/courses/calm-desk',
      }),
    );
    expect(reading).toEqual({
      kind: 'ok',
      launch: {
        endpoint: 'https://lrs.example.com/xapi/',
        auth: SECRET_AUTH,
        actor: { objectType: 'Agent', name: 'Aino Virtanen', mbox: 'mailto:aino@example.com' },
        registration: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
        activityId: 'https://lms.example.com/courses/calm-desk',
      },
    });
  });

  it('reads TinCan\'s older array actor and account form', () => {
    const arrays = parseLaunch(q({ endpoint: 'https://lrs.example.com/xapi/', auth: SECRET_AUTH, actor: '{"name":["Aino"],"mbox":["mailto:aino@example.com"]}' }));
    expect(arrays).toMatchObject({ kind: 'ok', launch: { actor: { name: 'Aino', mbox: 'mailto:aino@example.com' } } });
    const account = parseLaunch(
      q({ endpoint: 'https://lrs.example.com/xapi/', auth: SECRET_AUTH, actor: '{"account":[{"accountServiceHomePage":"https://lms.example.com","accountName":"u-77"}]}' }),
    );
    expect(account).toMatchObject({ kind: 'ok', launch: { actor: { account: { homePage: 'https://lms.example.com', name: 'u-77' } } } });
  });

  it('names each unusable parameter and never repeats the credentials', () => {
    const reading = parseLaunch(q({ endpoint: 'ftp://lrs.example.com', auth: SECRET_AUTH, actor: '{"mbox":"not-an-email"}', registration: '42' }));
    expect(reading.kind).toBe('invalid');
    const problems = reading.kind === 'invalid' ? reading.problems : [];
    expect(problems).toEqual([
      'endpoint: must start with https:// or http://',
      'actor: mbox is not an email address',
      'registration: not a UUID',
    ]);
    expect(JSON.stringify(problems)).not.toContain('c2VjcmV0');
    const noAuth = parseLaunch(q({ endpoint: 'https://lrs.example.com/', actor: '{"mbox":"mailto:a@example.com"}' }));
    expect(noAuth).toEqual({ kind: 'invalid', problems: ['auth: missing (the LMS must pass the LRS credentials)'] });
    expect(parseLaunch(q({ endpoint: 'https://lrs.example.com/', auth: 'x', actor: '{oops' }))).toEqual({ kind: 'invalid', problems: ['actor: not JSON'] });
    expect(parseLaunch(q({ endpoint: 'https://lrs.example.com/', auth: 'x', actor: '{"name":"Nobody"}' }))).toEqual({
      kind: 'invalid',
      problems: ['actor: needs mbox, account, mbox_sha1sum or openid'],
    });
  });

  it('checks endpoints: http(s), no credentials, no query, ends with a slash', () => {
    expect(checkEndpoint('https://lrs.example.com/data/xAPI')).toEqual({ ok: true, value: 'https://lrs.example.com/data/xAPI/' });
    expect(checkEndpoint('https://user:pw@lrs.example.com/')).toMatchObject({ ok: false });
    expect(checkEndpoint('https://lrs.example.com/?x=1')).toMatchObject({ ok: false });
    expect(checkEndpoint('lrs.example.com')).toMatchObject({ ok: false });
    expect(checkEndpoint('  ')).toMatchObject({ ok: false, problem: 'empty' });
  });
});

describe('sending configuration', () => {
  const settings = { ...defaultRecordsSettings(), endpoint: 'https://lrs.example.com/xapi/', username: 'key', secret: 'sälä', actorName: 'Aino', actorEmail: 'aino@example.com' };

  it('is off until an endpoint is filled in', () => {
    expect(resolveXapiConfig(defaultRecordsSettings())).toEqual({ kind: 'off' });
  });

  it('comes from Settings: Basic auth (UTF-8), the learner by email, the pass mark', () => {
    expect(resolveXapiConfig(settings)).toEqual({
      kind: 'ready',
      source: 'settings',
      endpoint: 'https://lrs.example.com/xapi/',
      auth: basicAuth('key', 'sälä'),
      actor: { objectType: 'Agent', mbox: 'mailto:aino@example.com', name: 'Aino' },
      activityBase: 'https://calm-desk.example/xapi/scenarios/',
      passMark: 70,
    });
    expect(basicAuth('key', 'sälä')).toBe(`Basic ${Buffer.from('key:sälä', 'utf8').toString('base64')}`);
  });

  it('says what is missing', () => {
    expect(resolveXapiConfig({ ...settings, actorEmail: '' })).toEqual({ kind: 'incomplete', missing: 'actor' });
    expect(resolveXapiConfig({ ...settings, endpoint: 'lrs' })).toMatchObject({ kind: 'incomplete', missing: 'endpoint' });
    expect(resolveXapiConfig({ ...settings, activityBase: 'no scheme' })).toMatchObject({ kind: 'incomplete', missing: 'activityBase' });
  });

  it('a valid launch wins over Settings; an invalid one stops sending', () => {
    const launch = parseLaunch(q({ endpoint: 'https://lms-lrs.example.com/', auth: SECRET_AUTH, actor: '{"mbox":"mailto:b@example.com"}', registration: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' }));
    expect(resolveXapiConfig(settings, launch)).toMatchObject({
      kind: 'ready',
      source: 'launch',
      endpoint: 'https://lms-lrs.example.com/',
      auth: SECRET_AUTH,
      actor: { mbox: 'mailto:b@example.com' },
      registration: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    });
    expect(resolveXapiConfig(settings, parseLaunch(q({ endpoint: 'nope', auth: 'x', actor: '{}' })))).toMatchObject({ kind: 'incomplete', missing: 'launch' });
  });
});
