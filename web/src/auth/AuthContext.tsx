/**
 * The signed-in user. The session lives in an HttpOnly cookie, so on start we ask the server
 * (`/api/auth/me`) rather than trusting anything stored in the browser.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setUnauthenticatedHandler } from '../api/client.ts';
import * as api from '../api/endpoints.ts';
import type { User } from '../api/types.ts';

type AuthState = { status: 'loading' } | { status: 'signedOut' } | { status: 'signedIn'; user: User };

export interface Auth {
  state: AuthState;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    api
      .currentSession()
      .then((session) => live && setState({ status: 'signedIn', user: session.user }))
      .catch(() => live && setState({ status: 'signedOut' }));
    // An expired session anywhere in the app sends the user back to the sign-in page.
    setUnauthenticatedHandler(() => setState({ status: 'signedOut' }));
    return () => {
      live = false;
      setUnauthenticatedHandler(null);
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const session = await api.login(username, password);
    setState({ status: 'signedIn', user: session.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setState({ status: 'signedOut' });
    }
  }, []);

  const value = useMemo<Auth>(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** For pages rendered inside the signed-in layout only. */
export function useUser(): User {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('useUser while signed out');
  return state.user;
}
