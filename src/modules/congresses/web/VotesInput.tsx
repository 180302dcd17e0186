import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Space } from 'antd';

interface Vote {
  matter: string;
  votesFor: number;
  votesAgainst: number;
  abstain: number;
}

/** The votes of a session as a Form.Item child: one line per matter (赞成, 反对, 弃权), added and removed in place. */
export function VotesInput({ id, value = [], onChange }: { id?: string; value?: Vote[]; onChange?: (v: Vote[]) => void }) {
  const set = (i: number, patch: Partial<Vote>) => onChange?.(value.map((v, k) => (k === i ? { ...v, ...patch } : v)));
  return (
    <div id={id}>
      {value.map((v, i) => (
        <Space key={i} wrap style={{ marginBottom: 8 }}>
          <Input aria-label={`第 ${i + 1} 项表决事项`} placeholder="表决事项，如 集体合同草案" value={v.matter} maxLength={100} onChange={(e) => set(i, { matter: e.target.value })} style={{ width: 200 }} />
          <InputNumber aria-label="赞成票" min={0} precision={0} addonBefore="赞成" value={v.votesFor} onChange={(n) => set(i, { votesFor: n ?? 0 })} style={{ width: 120 }} />
          <InputNumber aria-label="反对票" min={0} precision={0} addonBefore="反对" value={v.votesAgainst} onChange={(n) => set(i, { votesAgainst: n ?? 0 })} style={{ width: 120 }} />
          <InputNumber aria-label="弃权票" min={0} precision={0} addonBefore="弃权" value={v.abstain} onChange={(n) => set(i, { abstain: n ?? 0 })} style={{ width: 120 }} />
          <Button aria-label="删除这项表决" icon={<DeleteOutlined />} onClick={() => onChange?.(value.filter((_, k) => k !== i))} />
        </Space>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => onChange?.([...value, { matter: '', votesFor: 0, votesAgainst: 0, abstain: 0 }])}>
        添加表决事项
      </Button>
    </div>
  );
}
