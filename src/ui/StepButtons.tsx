import { Button, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { AvailableStep } from '@platform/workflow/machine';

/**
 * The action buttons of a record: exactly the steps the server sent with it (the steps open to this user in the
 * record's state). A step a guard still blocks is shown disabled with the server's reason; `empty` stands in when
 * there is none.
 */
export function StepButtons<S extends AvailableStep>({
  steps,
  onStep,
  primary = [],
  danger = [],
  empty,
  size,
  link = false,
}: {
  steps: S[];
  onStep(step: S): void;
  /** Step codes shown as the primary action. */
  primary?: string[];
  /** Step codes shown as dangerous (rejections). */
  danger?: string[];
  empty?: ReactNode;
  size?: 'small' | 'middle';
  /** Link-style buttons, for a table's action column. */
  link?: boolean;
}) {
  if (steps.length === 0) return empty === undefined ? null : <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <>
      {steps.map((s) => (
        <Tooltip key={s.code} title={s.blockedReason}>
          <Button
            size={size}
            type={link ? 'link' : primary.includes(s.code) ? 'primary' : 'default'}
            danger={danger.includes(s.code)}
            disabled={!!s.blockedReason}
            aria-description={s.blockedReason ?? undefined}
            onClick={() => onStep(s)}
          >
            {s.label}
          </Button>
        </Tooltip>
      ))}
    </>
  );
}
