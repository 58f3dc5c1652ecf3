import { describe, expect, it } from 'vitest';
import { enrolDevice, normaliseServerUrl, type EnrolDeps } from '../../src/sync/enrol';

const orgId = '01890a5d-ac96-774b-bcce-b302099a8057';
const deviceId = '01890a5d-ac96-774b-bcce-b302099a8058';
const nowMs = Date.UTC(2024, 6, 8, 2, 0, 0);

function deps(answer: (url: string, init: RequestInit) => Promise<Response>): EnrolDeps {
  return { fetch: (input, init) => answer(String(input), init ?? {}), nowMs: () => nowMs, timeoutMs: 1000 };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('enrolDevice', () => {
  it('sends the previous device id when enrolling again, and keeps it', async () => {
    const bodies: unknown[] = [];
    const result = await enrolDevice('https://samut.example.go.th', 'ABCD-1234', {
      ...deps(async (_url, init) => {
        bodies.push(JSON.parse(String(init.body)));
        return json(200, { protocol: 1, orgId, orgName: 'อบต.บ้านนา', deviceId, token: 'u'.repeat(43) });
      }),
      previousDeviceId: deviceId,
    });
    expect(bodies).toEqual([{ code: 'ABCD-1234', deviceId }]);
    expect(result).toMatchObject({ outcome: 'enrolled', enrolment: { deviceId, token: 'u'.repeat(43) } });
  });

  it('refuses an answer that gives another device id than the one to keep', async () => {
    const other = '01890a5d-ac96-774b-bcce-b302099a8059';
    const result = await enrolDevice('https://samut.example.go.th', 'ABCD-1234', {
      ...deps(async () => json(200, { protocol: 1, orgId, orgName: 'อบต.บ้านนา', deviceId: other, token: 'u'.repeat(43) })),
      previousDeviceId: deviceId,
    });
    expect(result).toMatchObject({ outcome: 'refused', messageTh: expect.stringMatching(/ไม่คงรหัสเครื่องเดิม/) });
  });

  it("shows the server's Thai refusal of a device of another organisation", async () => {
    const messageTh = 'เครื่องนี้ไม่ได้ลงทะเบียนไว้กับหน่วยงานของรหัสนี้';
    const result = await enrolDevice('https://samut.example.go.th', 'ABCD-1234', {
      ...deps(async () => json(403, { error: { code: 'device_not_in_org', message: messageTh } })),
      previousDeviceId: deviceId,
    });
    expect(result).toEqual({ outcome: 'refused', messageTh });
  });

  it('posts the code to /api/v1/enroll and returns the enrolment to save', async () => {
    const calls: { url: string; body: unknown }[] = [];
    const result = await enrolDevice(
      'https://samut.example.go.th/',
      ' ABCD-1234 ',
      deps(async (url, init) => {
        calls.push({ url, body: JSON.parse(String(init.body)) });
        return json(200, { protocol: 1, orgId, orgName: 'อบต.บ้านนา', deviceId, token: 't'.repeat(43) });
      }),
    );
    expect(calls).toEqual([{ url: 'https://samut.example.go.th/api/v1/enroll', body: { code: 'ABCD-1234' } }]);
    expect(result).toEqual({
      outcome: 'enrolled',
      enrolment: {
        serverUrl: 'https://samut.example.go.th',
        orgId,
        orgName: 'อบต.บ้านนา',
        deviceId,
        token: 't'.repeat(43),
        enrolledAt: '2024-07-08T02:00:00.000Z',
      },
    });
  });

  it("shows the server's Thai message when it refuses the code", async () => {
    const result = await enrolDevice(
      'https://samut.example.go.th',
      'ABCD-1234',
      deps(async () => json(403, { error: { code: 'enrolment_code_used', message: 'รหัสลงทะเบียนนี้ถูกใช้ไปแล้ว' } })),
    );
    expect(result).toEqual({ outcome: 'refused', messageTh: 'รหัสลงทะเบียนนี้ถูกใช้ไปแล้ว' });
  });

  it('says ติดต่อเซิร์ฟเวอร์ไม่ได้ when the network fails', async () => {
    const result = await enrolDevice(
      'https://samut.example.go.th',
      'ABCD-1234',
      deps(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(result).toEqual({ outcome: 'unreachable', messageTh: 'ติดต่อเซิร์ฟเวอร์ไม่ได้' });
  });

  it('does not take an answer that is not a Samut enrolment', async () => {
    const result = await enrolDevice('https://example.com', 'ABCD-1234', deps(async () => new Response('<html>')));
    expect(result.outcome).toBe('unreachable');
  });

  it('refuses a short code without calling the server', async () => {
    let called = false;
    const result = await enrolDevice(
      'https://samut.example.go.th',
      'AB',
      deps(async () => {
        called = true;
        return json(200, {});
      }),
    );
    expect(called).toBe(false);
    expect(result).toEqual({ outcome: 'refused', messageTh: 'รหัสลงทะเบียนสั้นเกินไป' });
  });
});

describe('normaliseServerUrl', () => {
  it('keeps scheme, host, port and path without the trailing slash', () => {
    expect(normaliseServerUrl(' http://127.0.0.1:8080/ ')).toEqual({ ok: true, url: 'http://127.0.0.1:8080' });
    expect(normaliseServerUrl('https://x.go.th/samut/')).toEqual({ ok: true, url: 'https://x.go.th/samut' });
  });

  it('explains an address it cannot use, in Thai', () => {
    expect(normaliseServerUrl('samut.example')).toMatchObject({ ok: false });
    expect(normaliseServerUrl('ftp://x.go.th')).toMatchObject({ ok: false });
    expect(normaliseServerUrl('')).toEqual({ ok: false, messageTh: 'กรุณากรอกที่อยู่เซิร์ฟเวอร์' });
  });
});
