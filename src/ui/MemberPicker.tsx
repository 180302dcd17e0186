import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { get, query } from '@ui/api';

/**
 * A member chosen by typing a name, ID number or phone (the members list's search, within the user's scope).
 * Used as a Form.Item child: the form passes `id` (so its label names the field), `value` and `onChange`.
 */
export function MemberPicker({ id, value, onChange }: { id?: string; value?: number; onChange?: (memberId: number) => void }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['members', 'pick', q],
    queryFn: () => get<{ items: { memberId: number; name: string; idNumberMasked: string; orgName: string }[] }>(`/api/members${query({ q, pageSize: 20 })}`),
    enabled: q.length > 0,
  });
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      // Wide enough for name, masked ID number and union, whatever width the field had when it opened.
      popupMatchSelectWidth={460}
      onSearch={setQ}
      loading={found.isFetching}
      placeholder="输入姓名、身份证号码或手机号码查找"
      notFoundContent={q ? '没有找到，请换个关键词' : '请输入姓名'}
      options={found.data?.items.map((m) => ({ value: m.memberId, label: `${m.name} · ${m.idNumberMasked} · ${m.orgName}` }))}
    />
  );
}
