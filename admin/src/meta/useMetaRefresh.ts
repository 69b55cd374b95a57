import { useEffect } from 'react';
import { refreshMeta } from './metaStore';

/** How often the metadata is fetched again while the page is visible. */
export const META_REFRESH_MS = 30_000;

/**
 * Keeps the caller's metadata current while they are signed in: on focus, when the tab
 * becomes visible again, and every 30 seconds while it is visible (a hidden tab catches up
 * when it is shown). A super admin's matrix edit therefore reaches the menu without a logout.
 */
export function useMetaRefresh(intervalMs = META_REFRESH_MS): void {
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === 'visible') void refreshMeta();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    const timer = window.setInterval(refresh, intervalMs);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
      window.clearInterval(timer);
    };
  }, [intervalMs]);
}
