import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '@ui/api';
import { errorText, PageHeader } from '@ui/components';
import { FormModal } from '@ui/dialogs';
import { FormFields } from '@ui/FormFields';
import { useShowRefusal } from '@ui/ServerForm';
import { DISCLOSURE_CATEGORY, DISCLOSURE_CHANNEL, PROPOSAL_STATUS, SATISFACTION, type MyCongress } from '../shared/congress.ledger';

const KEY = ['me', 'congress'];
const COLORS: Record<string, string> = { submitted: 'gold', accepted: 'blue', replied: 'cyan', rated: 'green', rejected: 'default' };

/** A member on a phone: what their unit made public this year; a delegate also submits proposals, follows the replies and rates them. */
export function MyCongressPage() {
  const { message } = App.useApp();
  const showRefusal = useShowRefusal();
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [rating, setRating] = useState<Record<number, string>>({});
  const [form] = Form.useForm();
  const mine = useQuery({ queryKey: KEY, queryFn: () => get<MyCongress>('/api/me/congress') });
  const d = mine.data;
  const submit = d?.delegate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAsking(true)}>
      提交提案
    </Button>
  );
  return (
    <>
      <PageHeader title="厂务公开和提案" help="本单位近一年公开的事项（福利费使用、工资调整、规章制度等）。您是职工代表时，还可以在这里提交提案，查看承办部门的答复并评价。" extra={submit} />
      {mine.isLoading && <Skeleton active />}
      {mine.isError && <Alert type="error" showIcon title={`未能读取：${errorText(mine.error)}`} />}
      {d && (
        <>
          {d.delegate && (
            <section aria-label="我的提案" style={{ marginBottom: 16 }}>
              <Typography.Title level={5}>{`我的提案（${d.delegate.orgName}职工代表）`}</Typography.Title>
              {d.proposals.length === 0 && <Empty description="还没有提交过提案">{submit}</Empty>}
              {d.proposals.map((p) => (
                <Card key={p.id} size="small" style={{ marginBottom: 12 }} title={p.title} extra={<Tag color={COLORS[p.status]}>{PROPOSAL_STATUS.label(p.status)}</Tag>}>
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label="提交日期">{p.submittedOn}</Descriptions.Item>
                    {p.department && <Descriptions.Item label="承办部门">{p.department}</Descriptions.Item>}
                    {p.opinion && <Descriptions.Item label="不予立案的理由">{p.opinion}</Descriptions.Item>}
                    {p.reply && <Descriptions.Item label={`答复（${p.repliedOn}）`}>{p.reply}</Descriptions.Item>}
                    {p.satisfaction && <Descriptions.Item label="我的评价">{SATISFACTION.label(p.satisfaction)}</Descriptions.Item>}
                  </Descriptions>
                  {p.status === 'replied' && (
                    <Space wrap>
                      <Select aria-label="评价答复" placeholder="评价答复" style={{ width: 140 }} options={SATISFACTION.options()} value={rating[p.id]} onChange={(v) => setRating({ ...rating, [p.id]: v })} />
                      <Button
                        disabled={!rating[p.id]}
                        onClick={async () => {
                          try {
                            await post(`/api/me/congress/proposals/${p.id}/rate`, { satisfaction: rating[p.id] });
                            void message.success('已评价，谢谢');
                            await qc.invalidateQueries({ queryKey: KEY });
                          } catch (e) {
                            showRefusal(e, '未能评价');
                          }
                        }}
                      >
                        提交评价
                      </Button>
                    </Space>
                  )}
                </Card>
              ))}
            </section>
          )}
          <section aria-label="厂务公开">
            <Typography.Title level={5}>{d.orgName ? `${d.orgName} · 厂务公开` : '厂务公开'}</Typography.Title>
            {d.disclosures.length === 0 && <Empty description={d.orgName ? '本单位近一年没有登记公开事项' : '您的账号还没有关联会员信息'} />}
            {d.disclosures.map((x) => (
              <Card key={x.id} size="small" style={{ marginBottom: 12 }} title={x.matter}>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label="公开日期">{x.periodLabel ? `${x.disclosedOn}（${x.periodLabel}）` : x.disclosedOn}</Descriptions.Item>
                  <Descriptions.Item label="类别和渠道">{`${DISCLOSURE_CATEGORY.label(x.category)} · ${DISCLOSURE_CHANNEL.label(x.channel)}`}</Descriptions.Item>
                  {x.content && <Descriptions.Item label="内容">{x.content}</Descriptions.Item>}
                </Descriptions>
              </Card>
            ))}
          </section>
        </>
      )}
      <FormModal<Record<string, unknown>>
        title="提交提案"
        open={asking}
        okText="提交"
        form={form}
        formProps={{ layout: 'vertical' }}
        modalProps={{ destroyOnHidden: true }}
        onCancel={() => setAsking(false)}
        onSubmit={async (v) => {
          await post('/api/me/congress/proposals', v);
          void message.success('已提交：提案工作委员会审查后交承办部门办理');
          await qc.invalidateQueries({ queryKey: KEY });
          setAsking(false);
        }}
      >
        <FormFields
          fields={[
            { name: 'title', label: '案由', required: '请填写案由', input: <Input maxLength={80} placeholder="如 关于增设夜班休息室的建议" /> },
            { name: 'content', label: '情况和建议', required: '请写清情况和建议', extra: '至少 10 个字', input: <Input.TextArea rows={4} maxLength={2000} /> },
            { name: 'coSigners', label: '附议人', input: <Input maxLength={200} placeholder="附议代表的姓名，可不填" /> },
          ]}
        />
      </FormModal>
    </>
  );
}
