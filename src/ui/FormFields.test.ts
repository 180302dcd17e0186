import { Checkbox, Form, Input, InputNumber } from 'antd';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormFields } from './FormFields';

// The suite takes *.test.ts only, so the form is written with createElement.
const html = renderToStaticMarkup(
  h(
    Form,
    { layout: 'vertical' },
    h(FormFields, {
      fields: [
        { name: 'name', label: '单位名称', required: '请填写单位名称', input: h(Input) },
        [
          { name: 'employees', label: '职工人数', input: h(InputNumber) },
          { name: 'womenEmployees', label: '女职工人数', extra: '不多于职工人数', input: h(InputNumber) },
        ],
        { name: 'smallMicro', checked: true, input: h(Checkbox, null, '小微企业') },
      ],
    }),
  ),
);
const labelOf = (id: string) => new RegExp(`<label for="${id}"[^>]*>([^<]*)</label>`).exec(html);

describe('FormFields', () => {
  it('labels each control by its field (the label names the input) and marks the required ones', () => {
    for (const [id, label] of [['name', '单位名称'], ['employees', '职工人数'], ['womenEmployees', '女职工人数']] as const) {
      expect(labelOf(id)?.[1]).toBe(label);
      expect(html).toContain(`id="${id}"`);
    }
    expect(labelOf('name')?.[0]).toContain('ant-form-item-required');
    expect(labelOf('employees')?.[0]).not.toContain('ant-form-item-required');
    expect(html).toContain('不多于职工人数');
  });

  it('puts a list of fields on one line and a checkbox without a label of its own', () => {
    expect(html).toContain('ant-space');
    expect(html).toMatch(/<input[^>]*id="smallMicro"[^>]*>|<input[^>]*type="checkbox"[^>]*>/);
    expect(labelOf('smallMicro')).toBeNull();
    expect(html).toContain('小微企业');
  });
});
