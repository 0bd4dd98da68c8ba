import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, clearSession, getStoredUser, getToken, type SessionUser, setUnauthorizedHandler, storeSession } from './client';
import { homeScreenOf, type Screen } from '../lib/vocabulary';

interface Session {
  user: SessionUser | null;
  /** true when the server ended the session (expired or revoked token), not the user signing out */
  expired: boolean;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): void;
}

const SessionContext = createContext<Session | null>(null);

interface LoginAnswer {
  accessToken: string;
  refreshToken?: string;
  user: SessionUser;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(() => (getToken() ? getStoredUser() : null));
  const [expired, setExpired] = useState(false);
  const forget = useCallback(() => {
    clearSession();
    setExpired(false);
    setUser(null);
  }, []);
  // the server no longer takes the token: say so on the login page, which brings the user back to the same page
  const expire = useCallback(() => {
    clearSession();
    setExpired(true);
    setUser(null);
  }, []);
  useEffect(() => setUnauthorizedHandler(expire), [expire]);
  // signing out ends the session at identity (its tokens stop working everywhere), then forgets it here
  const logout = useCallback(() => {
    if (getToken()) void api('session/logout', { method: 'POST' }).catch(() => undefined);
    forget();
  }, [forget]);
  // a stored token may have expired: ask who we are once
  useEffect(() => {
    if (!getToken()) return;
    api<SessionUser>('session/me')
      .then((me) => me && me.userId && setUser((prev) => ({ ...prev, ...me })))
      .catch(() => undefined);
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    const answer = await api<LoginAnswer>('session/login', { body: { username, password } });
    storeSession(answer.accessToken, answer.refreshToken, answer.user);
    setExpired(false);
    setUser(answer.user);
    return answer.user;
  }, []);
  const value = useMemo(() => ({ user, expired, login, logout }), [user, expired, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user (pages behind the login guard only). */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('no user');
  return user;
}

/** Where each screen of the role table lives. */
export const SCREEN_PATHS: Readonly<Record<Screen, string>> = {
  call: '/call',
  callbacks: '/callbacks',
  dispatch: '/dispatch',
  worklist: '/worklist',
  mediation: '/mediation',
  figures: '/supervisor',
  breaches: '/breaches',
  calendar: '/calendar',
  reports: '/reports/monthly',
  policy: '/policy',
};

/** The landing page of each role: its first screen. */
export function homeOf(role: string): string {
  return SCREEN_PATHS[homeScreenOf(role)];
}
