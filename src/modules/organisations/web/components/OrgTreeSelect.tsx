import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { get } from '@ui/api';
import type { OrgDto, OrgTreeNode } from '../../shared/org.schema';
import { fetchOrgChildren } from '../api';

interface Node {
  id: number;
  pId: number | null;
  value: number;
  title: string;
  isLeaf: boolean;
  disabled?: boolean;
}

const toNode = (n: OrgTreeNode, disabled?: (n: OrgTreeNode) => boolean): Node => ({
  id: n.id,
  pId: n.parentId,
  value: n.id,
  title: n.name,
  isLeaf: n.childCount === 0,
  disabled: disabled?.(n),
});

/** Picks an organisation within the user's scope; the tree loads one level at a time. Inside a Form.Item the form's
 * `id` ties it to the item's label; used alone (a list filter) it is named by its placeholder. */
export function OrgTreeSelect(props: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabledNode?: (n: OrgTreeNode) => boolean;
  style?: React.CSSProperties;
  id?: string;
}) {
  const [nodes, setNodes] = useState<Node[]>([]);
  useEffect(() => {
    void fetchOrgChildren().then((roots) => setNodes(roots.map((r) => toNode(r, props.disabledNode))));
  }, []);
  // A value below the loaded levels (a parent chosen by the page, a saved filter) is named, never shown as its id.
  const [named, setNamed] = useState<{ id: number; name: string }>();
  const loaded = props.value === undefined || nodes.some((n) => n.id === props.value);
  useEffect(() => {
    if (loaded || props.value === undefined || named?.id === props.value) return;
    const id = props.value;
    void get<OrgDto>(`/api/orgs/${id}`).then((o) => setNamed({ id, name: o.name }), () => undefined);
  }, [loaded, props.value, named?.id]);
  const label = !loaded && named && named.id === props.value ? named.name : undefined;
  return (
    <TreeSelect
      id={props.id}
      aria-label={props.id ? undefined : (props.placeholder ?? '选择组织')}
      treeDataSimpleMode
      treeData={nodes}
      labelInValue
      value={props.value === undefined ? undefined : { value: props.value, label: label ?? nodes.find((n) => n.id === props.value)?.title ?? '…' }}
      onChange={(v) => props.onChange?.((v as { value: number } | undefined)?.value)}
      placeholder={props.placeholder ?? '选择组织'}
      allowClear={props.allowClear}
      style={{ width: '100%', ...props.style }}
      popupMatchSelectWidth={false}
      loadData={async (node) => {
        const children = await fetchOrgChildren(node.value as number);
        setNodes((prev) => [...prev, ...children.filter((c) => !prev.some((p) => p.id === c.id)).map((c) => toNode(c, props.disabledNode))]);
      }}
      treeDefaultExpandedKeys={nodes.slice(0, 1).map((n) => n.id)}
    />
  );
}
