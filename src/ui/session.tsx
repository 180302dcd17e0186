import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { get, setCsrfToken } from './api';

/** What the shell knows about the signed-in account (mirrors the `/api/auth/me` answer). */
export interface Me {
  account: {
    id: number;
    username: string;
    displayName: string;
    orgId: number;
    orgName: string;
    roles: { code: string; label: string }[];
    mustChangePassword: boolean;
  };
  orgPath: string;
  permissions: string[];
  assignableRoles: { code: string; label: string; tier: string }[];
  csrfToken: string;
  demo: boolean;
  passwordPolicy: { minLength: number; minClasses: number };
  sessionIdleMinutes: number;
}

const SessionContext = createContext<Me | null>(null);

// Whether the last answer about the session said it timed out (not "never signed in"), for the login page's notice.
let expired = false;
/** True when the session ended by timing out (the login page then says 登录已超时). */
export function sessionHadExpired(): boolean {
  return expired;
}

export function useMeQuery() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await get<Me>('/api/auth/me');
        setCsrfToken(me.csrfToken);
        expired = false;
        return me;
      } catch (e) {
        if ((e as { status?: number }).status === 401) {
          expired = (e as { code?: string }).code === 'COMMON.SESSION_EXPIRED';
          return null;
        }
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in account; only inside the authenticated shell. */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe outside SessionProvider');
  return me;
}

export function useCan(permission: string): boolean {
  return useMe().permissions.includes(permission);
}

export function useRefreshSession() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['me'] });
}
