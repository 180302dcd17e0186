import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, StrictMode, Suspense, useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { get, onUnauthenticated } from '@ui/api';
import { SessionProvider, sessionHadExpired, useMeQuery } from '@ui/session';
import { theme } from '@ui/theme';
import { DemoBanner } from './DemoBanner';
import { LoginPage } from './pages/LoginPage';
import { SetupPage } from './pages/SetupPage';
import { JoinPage } from '@modules/members/web';
import { PublicJobsPage } from '@modules/employment/web';
import { NearbyPage } from '@modules/facilities/web';

dayjs.locale('zh-cn');

// The signed-in shell (layout, home, every module's pages) loads after sign-in: see Shell.tsx.
const Shell = lazy(() => import('./Shell').then((m) => ({ default: m.Shell })));

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

/** The demo banner on public pages (the signed-in shell shows its own). */
function PublicDemoBanner() {
  const setup = useQuery({ queryKey: ['setup'], queryFn: () => get<{ demo: boolean }>('/api/setup/status') });
  return setup.data?.demo ? <DemoBanner /> : null;
}

const Loading = () => <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;

/** Sends the user to the login page when the server says the session has ended. */
function SessionWatcher() {
  const navigate = useNavigate();
  useEffect(
    () =>
      onUnauthenticated((e) => {
        queryClient.setQueryData(['me'], null);
        navigate('/login', { replace: true, state: { expired: e.code === 'COMMON.SESSION_EXPIRED' } });
      }),
    [navigate],
  );
  return null;
}

/** Setup first on an empty database; then login; then the shell with the modules the user may use. */
function Gate({ children }: { children: (me: NonNullable<ReturnType<typeof useMeQuery>['data']>) => ReactNode }) {
  const location = useLocation();
  const setup = useQuery({ queryKey: ['setup'], queryFn: () => get<{ needsSetup: boolean }>('/api/setup/status') });
  const me = useMeQuery();
  if (setup.isLoading || me.isLoading) return <Loading />;
  if (setup.isError) return <Result status="error" title="无法连接服务器" subTitle="请检查网络后刷新页面。" />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (!me.data) return <Navigate to="/login" replace state={{ expired: sessionHadExpired() }} />;
  if (me.data.account.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return <>{children(me.data)}</>;
}

function Root() {
  return (
    <BrowserRouter>
      <SessionWatcher />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route
          path="/join"
          element={
            <Suspense fallback={<Loading />}>
              <PublicDemoBanner />
              <JoinPage />
            </Suspense>
          }
        />
        <Route
          path="/jobs"
          element={
            <Suspense fallback={<Loading />}>
              <PublicDemoBanner />
              <PublicJobsPage />
            </Suspense>
          }
        />
        <Route
          path="/nearby"
          element={
            <Suspense fallback={<Loading />}>
              <PublicDemoBanner />
              <NearbyPage />
            </Suspense>
          }
        />
        <Route
          path="/*"
          element={
            <Gate>
              {(me) => (
                <SessionProvider me={me}>
                  <Suspense fallback={<Loading />}>
                    <Shell />
                  </Suspense>
                </SessionProvider>
              )}
            </Gate>
          }
        />
      </Routes>
    </BrowserRouter>
  );
}

// The system's "reduce motion" setting (WCAG 2.3.3) is honoured: antd then opens dialogs, drawers and menus at once,
// and a pressed button sends no ripple (antd's wave).
const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
const appTheme = reduceMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={appTheme} wave={{ disabled: reduceMotion }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <Root />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
