import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';

/** One organisation of a tree level, as a picker loads it. */
export interface OrgPickerNode {
  id: number;
  parentId: number | null;
  name: string;
  code?: string;
  childCount: number;
  /** Whether it may be chosen (e.g. only grassroots unions as a transfer destination). */
  selectable: boolean;
}

interface Node {
  id: number;
  pId: number | null;
  value: number;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}

const toNode = (n: OrgPickerNode): Node => ({
  id: n.id,
  pId: n.parentId,
  value: n.id,
  title: n.code ? `${n.name}（${n.code}）` : n.name,
  isLeaf: n.childCount === 0,
  selectable: n.selectable,
});

/**
 * Chooses an organisation from a tree loaded one level at a time by `load` (no parent: the top level), so the
 * user picks by name instead of typing a code. Nodes that are not `selectable` open but cannot be chosen.
 * Typing filters the levels already opened. Inside a Form.Item the form's `id` ties it to the item's label; used
 * alone it is named by its placeholder.
 */
export function OrgPicker(props: {
  load: (parentId?: number) => Promise<OrgPickerNode[]>;
  value?: number;
  onChange?: (v: number | undefined) => void;
  placeholder?: string;
  id?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
}) {
  const { load } = props;
  const [nodes, setNodes] = useState<Node[]>([]);
  const merge = (more: OrgPickerNode[]) => setNodes((prev) => [...prev, ...more.filter((c) => !prev.some((p) => p.id === c.id)).map(toNode)]);
  useEffect(() => {
    void load().then(async (roots) => {
      merge(roots);
      // Open the single root (the district) straight away: its children are what people look for.
      if (roots.length === 1 && roots[0]!.childCount > 0) merge(await load(roots[0]!.id));
    });
  }, [load]);
  return (
    <TreeSelect
      id={props.id}
      aria-label={props.id ? undefined : (props.placeholder ?? '选择组织')}
      treeDataSimpleMode
      treeData={nodes}
      value={props.value}
      onChange={(v) => props.onChange?.(v as number | undefined)}
      placeholder={props.placeholder ?? '选择组织'}
      disabled={props.disabled}
      showSearch
      treeNodeFilterProp="title"
      allowClear
      style={{ width: '100%', ...props.style }}
      popupMatchSelectWidth={false}
      treeDefaultExpandedKeys={nodes.filter((n) => n.pId === null).map((n) => n.id)}
      loadData={async (node) => merge(await load(node.value as number))}
    />
  );
}
