import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/app';
import { readUpload } from './server';

const chunks = (...sizes: number[]) => Readable.from(sizes.map((n, i) => Buffer.alloc(n, 65 + i)));

describe('readUpload (an upload body into shared memory)', () => {
  it('reads a body of a stated length into one shared buffer', async () => {
    const body = await readUpload(chunks(40_000, 30_000, 5), 1 << 20, 70_005);
    expect(body.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(body.length).toBe(70_005);
    expect([body[0], body[40_000], body[70_004]]).toEqual([65, 66, 67]);
  });

  it('grows when no length is stated, or a wrong one, and keeps every byte in order', async () => {
    for (const declared of [0, 10]) {
      const body = await readUpload(chunks(70_000, 70_000, 70_000, 1), 1 << 20, declared);
      expect(body.length).toBe(210_001);
      expect([body[69_999], body[70_000], body[140_000], body[210_000]]).toEqual([65, 66, 67, 68]);
    }
  });

  it('refuses a body past the limit, stated or streamed, as Fastify does', async () => {
    await expect(readUpload(chunks(10), 100, 101)).rejects.toMatchObject({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    await expect(readUpload(chunks(60, 41), 100, 0)).rejects.toMatchObject({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect((await readUpload(chunks(60, 40), 100, 0)).length).toBe(100);
  });

  it('answers 400 when the upload breaks off', async () => {
    const broken = new Readable({ read() {} });
    broken.push(Buffer.alloc(10));
    setTimeout(() => broken.destroy(new Error('aborted')), 5);
    await expect(readUpload(broken, 100, 50)).rejects.toMatchObject({ status: 400, message: '上传中断，请重新上传' });
  });
});

describe('an upload past UPLOAD_MAX_MB', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demoMembers: 0, config: { uploadMaxMb: 1 } });
  });
  afterAll(() => t.close());

  it('is refused with 413 and a Chinese message; one within it reaches the import', async () => {
    const admin = await t.as('admin');
    const big = await admin.upload('/api/imports/members?mode=add&fileName=a.xlsx', Buffer.alloc(1024 * 1024 + 1, 1));
    expect(big.status).toBe(413);
    expect(big.body.message).toBe('上传的内容过大');
    const small = await admin.upload('/api/imports/members?mode=add&fileName=a.xlsx', Buffer.from('not a workbook'));
    expect(small.status).not.toBe(413);
    expect(small.body.message).not.toBe('上传的内容过大');
  });
});
