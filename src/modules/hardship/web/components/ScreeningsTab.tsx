import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '@ui/api';
import { labelOptions } from '@ui/forms';
import { ConfirmButton, FormModal } from '@ui/dialogs';
import type { FormValues } from '@ui/ServerForm';
import { useMe } from '@ui/session';
import { MemberPicker } from '@ui/MemberPicker';
import { SCREENING_OUTCOME_LABELS, SCREENING_POPULATION_LABELS, type Screening } from '../../shared/screening.schema';

interface Progress {
  screening: Screening;
  unions: { orgId: number; orgName: string; members: number; checked: number; newCases: number; noHardship: number; caseUpdated: number }[];
}

/** 摸底排查: start one with a deadline; each union records who it checked; progress by union for the parents. */
export function ScreeningsTab() {
  const me = useMe();
  const canWrite = me.permissions.includes('hardship.write');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [starting, setStarting] = useState(false);
  const [progressOf, setProgressOf] = useState<Screening | null>(null);
  const [checking, setChecking] = useState<Screening | null>(null);
  const [form] = Form.useForm();
  const [checkForm] = Form.useForm();
  const list = useQuery({ queryKey: ['screenings'], queryFn: () => get<{ items: Screening[] }>('/api/screenings') });
  const progress = useQuery({ queryKey: ['screenings', 'progress', progressOf?.id], queryFn: () => get<Progress>(`/api/screenings/${progressOf!.id}/progress`), enabled: !!progressOf });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['screenings'] });
  return (
    <>
      {canWrite && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => (form.resetFields(), form.setFieldsValue({ deadline: dayjs().add(1, 'month'), population: 'all' }), setStarting(true))}>
            发起摸底排查
          </Button>
        </Card>
      )}
      <Table
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: <Empty description="还没有摸底排查。发起后，各基层工会逐一登记排查结果，上级工会可看到各单位进度" /> }}
        columns={[
          { title: '排查', dataIndex: 'name' },
          { title: '发起单位', dataIndex: 'orgName', ellipsis: true, width: 180 },
          { title: '排查对象', dataIndex: 'populationLabel' },
          { title: '完成期限', dataIndex: 'deadline', render: (v, s) => (s.overdue ? <Tag color="red">{v} 已逾期</Tag> : v) },
          { title: '已排查', dataIndex: 'checked', align: 'right' },
          { title: '发现困难', dataIndex: 'newCases', align: 'right' },
          { title: '状态', dataIndex: 'status', render: (v) => (v === 'open' ? <Tag color="green">进行中</Tag> : <Tag>已结束</Tag>) },
          {
            title: '操作',
            render: (_, s) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setProgressOf(s)}>
                  各单位进度
                </Button>
                {canWrite && s.status === 'open' && (
                  <Button type="link" size="small" onClick={() => (checkForm.resetFields(), checkForm.setFieldsValue({ outcome: 'no_hardship' }), setChecking(s))}>
                    登记结果
                  </Button>
                )}
                {canWrite && s.status === 'open' && (
                  <ConfirmButton inline title="结束这次排查？" description="结束后各单位不能再登记结果。" okText="结束" url={`/api/screenings/${s.id}/close`} refresh={[['screenings']]}>
                    结束
                  </ConfirmButton>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal<FormValues>
        title="发起摸底排查"
        open={starting}
        form={form}
        okText="发起"
        onCancel={() => setStarting(false)}
        onSubmit={async (v) => {
          await post('/api/screenings', { name: v.name, deadline: v.deadline.format('YYYY-MM-DD'), population: v.population, scopeNote: v.scopeNote || undefined });
          setStarting(false);
          refresh();
        }}
      >
          <Form.Item name="name" label="排查名称" rules={[{ required: true, min: 2, message: '请填写排查名称' }]}>
            <Input maxLength={60} placeholder={`如：${dayjs().year()}年困难职工摸底排查`} />
          </Form.Item>
          <Form.Item name="deadline" label="完成期限" rules={[{ required: true, message: '请选择完成期限' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="population" label="排查对象" extra="本级及全部下级工会中属于这一范围的会员；进度按这一范围的人数计算">
            <Select options={labelOptions(SCREENING_POPULATION_LABELS)} />
          </Form.Item>
          <Form.Item name="scopeNote" label="范围和要求">
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
      </FormModal>
      <Modal title={progressOf ? `排查进度：${progressOf.name}` : ''} open={!!progressOf} footer={null} width={820} onCancel={() => setProgressOf(null)}>
        <Table
          size="small"
          rowKey="orgId"
          loading={progress.isFetching}
          dataSource={progress.data?.unions}
          scroll={{ x: 'max-content', y: 420 }}
          pagination={false}
          columns={[
            { title: '基层工会', dataIndex: 'orgName' },
            { title: '会员数', dataIndex: 'members', align: 'right' },
            { title: '已排查', dataIndex: 'checked', align: 'right', render: (v: number, r) => (v === 0 ? <Tag color="orange">未开始</Tag> : `${v}（${r.members ? Math.round((v / r.members) * 100) : 0}%）`) },
            { title: '发现困难', dataIndex: 'newCases', align: 'right' },
            { title: '无困难', dataIndex: 'noHardship', align: 'right' },
            { title: '在档更新', dataIndex: 'caseUpdated', align: 'right' },
          ]}
        />
      </Modal>
      <FormModal<FormValues>
        title={checking ? `登记排查结果：${checking.name}` : ''}
        open={!!checking}
        form={checkForm}
        okText="保存"
        onCancel={() => setChecking(null)}
        onSubmit={async (v) => {
          await post(`/api/screenings/${checking!.id}/checks`, { memberId: v.memberId, outcome: v.outcome, note: v.note || undefined });
          void message.success('已登记');
          checkForm.setFieldsValue({ memberId: undefined, note: undefined });
          refresh();
        }}
      >
          <Form.Item name="memberId" label="会员" rules={[{ required: true, message: '请选择会员' }]}>
            <MemberPicker />
          </Form.Item>
          <Form.Item name="outcome" label="排查结果" rules={[{ required: true, message: '请选择排查结果' }]} extra="发现困难的，请先在“困难职工档案”中登记申请">
            <Select options={labelOptions(SCREENING_OUTCOME_LABELS)} />
          </Form.Item>
          <Form.Item name="note" label="情况说明">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
      </FormModal>
    </>
  );
}
