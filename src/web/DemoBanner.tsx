import { Alert } from 'antd';

/** Shown on every page in demo mode: the data is fictional and the demo passwords are public. */
export function DemoBanner() {
  return (
    <Alert
      banner
      type="warning"
      title="演示模式：本系统数据均为虚构，演示账号的密码是公开的，请勿录入任何真实个人信息。"
      style={{ textAlign: 'center' }}
    />
  );
}
