import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { NoPermission, NotFound } from '@ui/PageResult';
import { useCan } from '@ui/session';
import { AppLayout } from './AppLayout';
import { HomePage } from './pages/HomePage';
import { PasswordPage } from './pages/PasswordPage';
import { moduleRoutes } from './router';

/** A module's page, or 无权限 when the user's roles lack what it needs. */
function Guarded({ permission, children }: { permission?: string; children: ReactNode }) {
  const allowed = useCan(permission ?? '');
  return permission && !allowed ? <NoPermission /> : <>{children}</>;
}

/**
 * The signed-in shell: the layout, the home page and every module's pages. main.tsx loads it only after sign-in,
 * so /login and a worker's /join on a phone download none of the admin pages (or ECharts).
 */
export function Shell() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/" element={<HomePage />} />
        <Route path="/password" element={<PasswordPage />} />
        {moduleRoutes.map((r) => (
          <Route
            key={r.path}
            path={r.path}
            element={
              <Guarded permission={r.permission ?? r.menu?.permission}>
                <r.page />
              </Guarded>
            }
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
