import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Empty, Row, Spin } from 'antd';
import { get, post } from '@ui/api';
import { PageHeader, errorText } from '@ui/components';

interface Side {
  memberId: number;
  name: string;
  birthDate: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  orgName: string;
}

/** Probable duplicates: same name, birth date and phone with different ID numbers, for a person to review. */
export function DuplicatesPage() {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['duplicates'], queryFn: () => get<{ a: Side; b: Side }[]>('/api/members/duplicates') });
  const dismiss = useMutation({
    mutationFn: (p: { a: number; b: number }) => post('/api/members/duplicates/dismiss', p),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['duplicates'] }),
  });
  const side = (s: Side) => (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="姓名">{s.name}</Descriptions.Item>
      <Descriptions.Item label="出生日期">{s.birthDate}</Descriptions.Item>
      <Descriptions.Item label="身份证号码">{s.idNumberMasked}</Descriptions.Item>
      <Descriptions.Item label="手机号码">{s.phoneMasked}</Descriptions.Item>
      <Descriptions.Item label="当前工会">{s.orgName}</Descriptions.Item>
    </Descriptions>
  );
  return (
    <>
      <PageHeader title="疑似重复人员" help="姓名、出生日期、手机号码都相同而身份证号码不同的两条记录，可能是号码录错。核实后：是同一人的，请为号码错误的一条办理退会并改正；不是同一人的，标记后不再提示。" />
      {list.isLoading && <Spin />}
      {list.data?.length === 0 && <Empty description="没有疑似重复的人员" />}
      {list.data?.map((p) => (
        <Card key={`${p.a.memberId}-${p.b.memberId}`} size="small" style={{ marginBottom: 12 }} extra={
          <Button
            onClick={() =>
              modal.confirm({
                title: '确认这是两个不同的人？',
                content: '标记后这一对记录不会再出现在疑似重复列表中。',
                okText: '不是同一人',
                cancelText: '取消',
                onOk: async () => {
                  try {
                    await dismiss.mutateAsync({ a: p.a.memberId, b: p.b.memberId });
                    void message.success('已标记');
                  } catch (e) {
                    void message.error(errorText(e));
                  }
                },
              })
            }
          >
            不是同一人
          </Button>
        }>
          <Row gutter={12}>
            <Col xs={24} md={12}>{side(p.a)}</Col>
            <Col xs={24} md={12}>{side(p.b)}</Col>
          </Row>
        </Card>
      ))}
    </>
  );
}
