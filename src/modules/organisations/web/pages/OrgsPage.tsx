import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Empty, Input, Select, Space, Table, Tag, Tree, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { ExportButton, PageHeader, errorText, pagination, useIsPhone } from '@ui/components';
import { useCan } from '@ui/session';
import { ORG_KINDS, type OrgKind } from '../../shared/org-kinds';
import type { OrgDto, OrgTreeNode } from '../../shared/org.schema';
import { fetchOrgChildren, orgListUrl, useOrgList, useOrgMutations, type OrgFilters } from '../api';
import { CloseOrgModal, MoveOrgModal, OrgFormDrawer } from '../components/OrgForms';
import { OrgTreeSelect } from '../components/OrgTreeSelect';

interface TreeNode {
  key: number;
  title: string;
  isLeaf: boolean;
  children?: TreeNode[];
}

const toTreeNode = (n: OrgTreeNode): TreeNode => ({ key: n.id, title: n.name, isLeaf: n.childCount === 0 });

function insertChildren(list: TreeNode[], key: number, children: TreeNode[]): TreeNode[] {
  return list.map((n) =>
    n.key === key ? { ...n, children } : n.children ? { ...n, children: insertChildren(n.children, key, children) } : n,
  );
}

/** Lazy organisation tree: the user's scope roots, children loaded when a node opens. */
function OrgTree({ selected, onSelect }: { selected?: number; onSelect(id: number | undefined, name?: string): void }) {
  const [data, setData] = useState<TreeNode[]>([]);
  const [expanded, setExpanded] = useState<number[]>([]);
  useEffect(() => {
    void fetchOrgChildren().then(async (roots) => {
      let nodes = roots.map(toTreeNode);
      if (roots[0]) {
        const kids = await fetchOrgChildren(roots[0].id);
        nodes = insertChildren(nodes, roots[0].id, kids.map(toTreeNode));
        setExpanded([roots[0].id]);
      }
      setData(nodes);
    });
  }, []);
  if (!data.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="加载中…" />;
  return (
    <Tree<TreeNode>
      treeData={data}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys as number[])}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys, info) => onSelect(keys[0] as number | undefined, info.node.title)}
      loadData={async (node) => {
        if (node.children) return;
        const kids = await fetchOrgChildren(node.key);
        setData((prev) => insertChildren(prev, node.key, kids.map(toTreeNode)));
      }}
      blockNode
      style={{ maxHeight: 'calc(100vh - 220px)', overflow: 'auto' }}
    />
  );
}

export function OrgsPage() {
  const phone = useIsPhone();
  const canWrite = useCan('org.write');
  const { modal, message } = App.useApp();
  const { reopen } = useOrgMutations();
  const [filters, setFilters] = useState<OrgFilters>({ status: 'open', page: 1, pageSize: 20 });
  const [underName, setUnderName] = useState<string>();
  const [editing, setEditing] = useState<OrgDto | null | undefined>(undefined);
  const [moving, setMoving] = useState<OrgDto | null>(null);
  const [closing, setClosing] = useState<OrgDto | null>(null);
  const list = useOrgList(filters);
  const set = (patch: Partial<OrgFilters>) => setFilters((f) => ({ ...f, page: 1, ...patch }));

  const actions = (o: OrgDto) => {
    const items = [
      { key: 'edit', label: '编辑', disabled: o.status === 'closed' },
      { key: 'move', label: '迁移', disabled: o.status === 'closed' || !o.parentId },
      o.status === 'open'
        ? { key: 'close', label: '撤销', danger: true, disabled: !o.parentId }
        : { key: 'reopen', label: '恢复' },
    ];
    return (
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          onClick: ({ key }) => {
            if (key === 'edit') setEditing(o);
            if (key === 'move') setMoving(o);
            if (key === 'close') setClosing(o);
            if (key === 'reopen') {
              modal.confirm({
                title: `恢复组织「${o.name}」？`,
                content: '恢复后该组织重新出现在日常列表中。',
                okText: '确认恢复',
                onOk: async () => {
                  try {
                    await reopen.mutateAsync(o.id);
                    void message.success('已恢复');
                  } catch (e) {
                    void message.error(errorText(e));
                  }
                },
              });
            }
          },
        }}
      >
        <Button size="small">操作</Button>
      </Dropdown>
    );
  };

  const columns: ColumnsType<OrgDto> = [
    {
      title: '组织名称',
      dataIndex: 'name',
      render: (name: string, o) => (
        <Space size={4} wrap>
          <span>{name}</span>
          {o.status === 'closed' && <Tag color="default">已撤销 {o.closedOn}</Tag>}
        </Space>
      ),
    },
    ...(phone ? [] : ([{ title: '组织代码', dataIndex: 'code', width: 120 }] as ColumnsType<OrgDto>)),
    { title: '类型', dataIndex: 'kindLabel', width: phone ? 96 : 130 },
    ...(phone
      ? []
      : ([
          { title: '上级组织', dataIndex: 'parentName', ellipsis: true, width: 160 },
          { title: '下级', dataIndex: 'childCount', width: 56, align: 'right' },
        ] as ColumnsType<OrgDto>)),
    ...(canWrite ? [{ title: '操作', key: 'actions', width: 76, render: (_: unknown, o: OrgDto) => actions(o) }] : []),
  ];

  const toolbar = (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        placeholder="名称或组织代码"
        allowClear
        onSearch={(q) => set({ q: q || undefined })}
        style={{ width: phone ? '100%' : 220 }}
        aria-label="搜索组织"
      />
      <Select
        aria-label="组织类型"
        placeholder="组织类型"
        allowClear
        style={{ width: 170 }}
        value={filters.kind}
        onChange={(kind: OrgKind | undefined) => set({ kind })}
        options={Object.entries(ORG_KINDS).map(([value, v]) => ({ value, label: v.label }))}
      />
      <Select
        aria-label="组织状态"
        style={{ width: 110 }}
        value={filters.status}
        onChange={(status) => set({ status })}
        options={[
          { value: 'open', label: '正常' },
          { value: 'closed', label: '已撤销' },
          { value: 'all', label: '全部' },
        ]}
      />
    </Space>
  );

  const exportUrl = orgListUrl({ q: filters.q, kind: filters.kind, status: filters.status, underId: filters.underId }, '/api/orgs/export.xlsx');

  return (
    <>
      <PageHeader
        title="组织管理"
        help={underName ? `范围：${underName} 及其下级` : phone ? '可按范围、名称、代码查找，新建、迁移、撤销和导出。' : '左侧选择组织可只看其下级；可搜索、新建、迁移、撤销和导出。'}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                新建组织
              </Button>
            )}
            <ExportButton url={exportUrl} fileName="组织列表.xlsx" />
          </>
        }
      />
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexDirection: phone ? 'column' : 'row' }}>
        {phone ? (
          <OrgTreeSelect
            allowClear
            placeholder="选择范围（全部）"
            value={filters.underId}
            onChange={(id) => {
              set({ underId: id });
              setUnderName(undefined);
            }}
          />
        ) : (
          <Card size="small" title={<><ApartmentOutlined /> 组织树</>} style={{ width: 260, flexShrink: 0 }}>
            <OrgTree
              selected={filters.underId}
              onSelect={(id, name) => {
                set({ underId: id });
                setUnderName(id ? name : undefined);
              }}
            />
          </Card>
        )}
        <Card size="small" style={{ flex: 1, minWidth: 0, width: '100%' }}>
          {toolbar}
          <Table<OrgDto>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            scroll={phone ? { x: 'max-content' } : undefined}
            locale={{ emptyText: <Empty description={filters.q ? `没有找到「${filters.q}」相关的组织` : '暂无组织'} /> }}
            pagination={pagination(list.data?.total ?? 0, filters.page, filters.pageSize, (page, pageSize) =>
              setFilters((f) => ({ ...f, page, pageSize })),
            )}
          />
          {list.isError && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
        </Card>
      </div>
      <OrgFormDrawer open={editing !== undefined} org={editing} parentId={filters.underId} onClose={() => setEditing(undefined)} />
      <MoveOrgModal org={moving} onClose={() => setMoving(null)} />
      <CloseOrgModal org={closing} onClose={() => setClosing(null)} />
    </>
  );
}
