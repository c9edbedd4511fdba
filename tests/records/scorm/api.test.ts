import { describe, expect, test, vi } from 'vitest';
import { findScormApi, isScorm12Api, type WindowLike } from '../../../src/records/scorm/api.ts';
import { ScormConnection, type ScormProblem } from '../../../src/records/scorm/connection.ts';

/** A SCORM 1.2 API object whose calls all succeed. */
function fakeApi(name = 'api') {
  return {
    name,
    LMSInitialize: () => 'true',
    LMSFinish: () => 'true',
    LMSGetValue: () => '',
    LMSSetValue: () => 'true',
    LMSCommit: () => 'true',
    LMSGetLastError: () => '0',
    LMSGetErrorString: () => 'No error',
    LMSGetDiagnostic: () => '',
  };
}

/** A chain of windows: `chain(n)` returns the innermost, each with its parent; the top is its own parent. */
function chain(depth: number, top: Partial<WindowLike> = {}): { inner: WindowLike; top: WindowLike } {
  const topWindow: { API?: unknown; parent?: WindowLike | null; opener?: WindowLike | null } = { ...top };
  topWindow.parent = topWindow;
  let current: WindowLike = topWindow;
  for (let i = 0; i < depth; i += 1) current = { parent: current };
  return { inner: current, top: topWindow };
}

describe('finding the API (SCORM 1.2 RTE: parents, then the opener)', () => {
  test('on the window itself', () => {
    const api = fakeApi();
    expect(findScormApi({ API: api })).toBe(api);
  });

  test('in the parent frame (the usual LMS page around an iframe)', () => {
    const api = fakeApi();
    expect(findScormApi(chain(1, { API: api }).inner)).toBe(api);
  });

  test('the nearest API wins', () => {
    const near = fakeApi('near');
    const far = fakeApi('far');
    const { inner, top } = chain(2, { API: far });
    (inner.parent as { API?: unknown }).API = near;
    expect(top.API).toBe(far);
    expect(findScormApi(inner)).toBe(near);
  });

  test('up to seven parents up, not eight', () => {
    expect(findScormApi(chain(7, { API: fakeApi() }).inner)).not.toBeNull();
    expect(findScormApi(chain(8, { API: fakeApi() }).inner)).toBeNull();
  });

  test('through window.opener and its parents (a course opened in a new window)', () => {
    const api = fakeApi();
    const lms = chain(2, { API: api });
    const popup = chain(0);
    (popup.top as { opener?: WindowLike }).opener = lms.inner;
    expect(findScormApi(popup.inner)).toBe(api);
  });

  test('none: normal web play', () => {
    expect(findScormApi(chain(3).inner)).toBeNull();
    expect(findScormApi({})).toBeNull();
  });

  test('a parent from another origin (reading it throws) ends the search quietly', () => {
    const foreign = {} as WindowLike;
    Object.defineProperty(foreign, 'API', { get: () => { throw new DOMException('Blocked a frame', 'SecurityError'); } });
    Object.defineProperty(foreign, 'parent', { get: () => { throw new DOMException('Blocked a frame', 'SecurityError'); } });
    expect(findScormApi({ parent: foreign })).toBeNull();
  });

  test('a SCORM 2004 API or a half object is not taken for a SCORM 1.2 API', () => {
    expect(isScorm12Api({ Initialize: () => 'true', Terminate: () => 'true' })).toBe(false);
    expect(isScorm12Api({ LMSInitialize: () => 'true' })).toBe(false);
    expect(findScormApi(chain(1, { API: { LMSInitialize: () => 'true' } }).inner)).toBeNull();
  });
});

describe('talking to the LMS never throws', () => {
  test('refused calls are reported with the LMS error code and text, and give the fallback', () => {
    const problems: ScormProblem[] = [];
    let lastError = '0';
    const api = {
      ...fakeApi(),
      LMSGetValue: (element: string) => {
        lastError = element === 'cmi.core.student_name' ? '0' : '401';
        return element === 'cmi.core.student_name' ? 'Doe, Jane' : '';
      },
      LMSSetValue: () => {
        lastError = '405';
        return 'false';
      },
      LMSGetLastError: () => lastError,
      LMSGetErrorString: (code: string) => (code === '401' ? 'Not implemented error' : 'Incorrect Data Type'),
    };
    const lms = new ScormConnection(api, (p) => problems.push(p));
    expect(lms.initialize()).toBe(true);
    expect(lms.get('cmi.core.student_name')).toBe('Doe, Jane');
    expect(lms.get('cmi.suspend_data', 'none')).toBe('none');
    expect(lms.set('cmi.core.score.raw', 'lots')).toBe(false);
    expect(problems.map((p) => [p.call, p.element, p.code])).toEqual([
      ['LMSGetValue', 'cmi.suspend_data', '401'],
      ['LMSSetValue', 'cmi.core.score.raw', '405'],
    ]);
    expect(problems[1]?.message).toContain('Incorrect Data Type');
  });

  test('an API that throws, or answers "false", is a problem, not a crash', () => {
    const problems: ScormProblem[] = [];
    const api = {
      ...fakeApi(),
      LMSCommit: () => {
        throw new Error('network down');
      },
      LMSFinish: () => 'false',
      LMSGetLastError: () => {
        throw new Error('broken');
      },
    };
    const lms = new ScormConnection(api, (p) => problems.push(p));
    expect(lms.initialize()).toBe(true);
    expect(lms.commit()).toBe(false);
    expect(lms.finish()).toBe(false);
    expect(problems.map((p) => p.call)).toEqual(['LMSCommit', 'LMSFinish']);
    expect(problems[0]?.message).toContain('network down');
  });

  test('no calls before LMSInitialize succeeds or after LMSFinish; finish happens once', () => {
    const api = { ...fakeApi(), LMSInitialize: vi.fn(() => 'false'), LMSSetValue: vi.fn(() => 'true'), LMSFinish: vi.fn(() => 'true') };
    const closed = new ScormConnection(api);
    expect(closed.initialize()).toBe(false);
    expect(closed.set('cmi.core.lesson_status', 'incomplete')).toBe(false);
    expect(api.LMSSetValue).not.toHaveBeenCalled();

    const api2 = { ...fakeApi(), LMSFinish: vi.fn(() => 'true'), LMSSetValue: vi.fn(() => 'true') };
    const lms = new ScormConnection(api2);
    lms.initialize();
    expect(lms.finish()).toBe(true);
    expect(lms.finish()).toBe(false);
    expect(lms.set('cmi.core.lesson_status', 'passed')).toBe(false);
    expect(api2.LMSFinish).toHaveBeenCalledTimes(1);
    expect(api2.LMSSetValue).not.toHaveBeenCalled();
  });

  test('a throwing problem listener does not escape either', () => {
    const api = { ...fakeApi(), LMSCommit: () => 'false' };
    const lms = new ScormConnection(api, () => {
      throw new Error('logger broke');
    });
    lms.initialize();
    expect(() => lms.commit()).not.toThrow();
  });
});
