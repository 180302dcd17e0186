import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldLabel, validationError } from './validation';

const Schema = z.object({
  name: z.string().min(2).meta({ title: '组织名称' }),
  contact: z.object({ phone: z.string().regex(/^1\d{10}$/).optional().meta({ title: '联系电话' }) }).optional(),
  tags: z.array(z.string().meta({ title: '标签' })),
});

describe('Chinese field labels', () => {
  it('finds labels through optional wrappers, nested objects and arrays', () => {
    expect(fieldLabel(Schema, ['name'])).toBe('组织名称');
    expect(fieldLabel(Schema, ['contact', 'phone'])).toBe('联系电话');
    expect(fieldLabel(Schema, ['tags', 0])).toBe('标签');
    expect(fieldLabel(Schema, ['unknown'])).toBe('unknown');
  });

  it('names every bad field in one message', () => {
    const result = Schema.safeParse({ name: 'x', contact: { phone: '123' } });
    expect(result.success).toBe(false);
    const error = validationError(result.error!, Schema);
    expect(error.status).toBe(400);
    expect(error.message).toContain('组织名称');
    expect(error.message).toContain('联系电话');
    expect(error.message).toContain('请填写tags');
    expect((error.details as unknown[]).length).toBe(3);
  });
});
