import { Button, Result, Space } from 'antd';
import { useNavigate } from 'react-router';
import { ApiError } from './api';
import { errorText } from './components';

/** The ways back from a page that cannot be shown: the previous page and the home page. */
function WayBack() {
  const navigate = useNavigate();
  return (
    <Space wrap style={{ justifyContent: 'center' }}>
      <Button onClick={() => navigate(-1)}>返回上一页</Button>
      <Button type="primary" onClick={() => navigate('/')}>
        返回工作台
      </Button>
    </Space>
  );
}

/** 无权限: the signed-in user's roles do not include what this page needs. */
export function NoPermission({ reason }: { reason?: string }) {
  return <Result status="403" title="无权限" subTitle={reason ?? '您的角色没有查看这个页面的权限。如需办理，请联系本单位或上级工会的管理员分配角色。'} extra={<WayBack />} />;
}

/** A page or record that does not exist, or is outside the user's jurisdiction (the server answers both as 404). */
export function NotFound({ reason }: { reason?: string }) {
  return <Result status="404" title="页面不存在" subTitle={reason ?? '您访问的页面不存在或已移动。'} extra={<WayBack />} />;
}

/** What a page shows when its record could not be loaded: 无权限 for 403, not found for 404, else the reason. */
export function PageError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 403) return <NoPermission reason={error.message} />;
  if (error instanceof ApiError && error.status === 404) return <NotFound reason={`${error.message}。`.replace(/。。$/, '。')} />;
  return <Result status="error" title="无法打开" subTitle={errorText(error)} extra={<WayBack />} />;
}
