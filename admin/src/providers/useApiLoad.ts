import { useEffect, useState, type DependencyList } from 'react';
import { useLogoutIfAccessDenied } from 'react-admin';
import { messageOf } from './apiCall';

/**
 * Loads what a hand-written screen shows (through apiCall), again whenever `deps` change or
 * `reload()` is called. A 401 (session revoked, user suspended) goes to the login page as on
 * react-admin's own screens; any other failure becomes `failure`, the server's message.
 */
export function useApiLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [data, setData] = useState<T>();
  const [failure, setFailure] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (result) => {
        if (!live) return;
        setData(result);
        setFailure(undefined);
        setLoading(false);
      },
      async (error: unknown) => {
        if (!live || (await logoutIfAccessDenied(error))) return;
        setFailure(messageOf(error));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // `load` is a new function each render; what it reads is in `deps`.
  }, [...deps, reloads]);

  return { data, setData, failure, loading, reload: () => setReloads((n) => n + 1) };
}
