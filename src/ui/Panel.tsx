import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * A plain card for the public pages (/login, /setup, /join), looking like antd's Card. antd's Card pulls in Tabs,
 * Dropdown and Menu for its tab list; a worker opening /join on a phone should not download them.
 */
export function Panel({ children, title, size, style }: { children: ReactNode; title?: ReactNode; size?: 'small'; style?: CSSProperties }) {
  const { token } = theme.useToken();
  const pad = size === 'small' ? token.paddingSM : token.paddingLG;
  return (
    <section
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        ...style,
      }}
    >
      {title && (
        <h2 style={{ margin: 0, padding: `${token.paddingXS}px ${pad}px`, minHeight: size === 'small' ? 38 : 56, display: 'flex', alignItems: 'center', fontSize: token.fontSize, fontWeight: 600, color: token.colorTextHeading, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          {title}
        </h2>
      )}
      <div style={{ padding: pad }}>{children}</div>
    </section>
  );
}
