import { useCallback } from 'react';
import { useNotify, useRedirect, useResourceContext } from 'react-admin';

/**
 * What a show or edit screen does when its record cannot be loaded. react-admin says
 * "element does not exist" for every error; a 403 instead shows the server's message (the
 * data provider has already asked for fresh metadata, and the screens follow it).
 */
export function useRecordLoadError(): (error: unknown) => void {
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext();
  return useCallback(
    (error: unknown) => {
      const { status, message } = (error ?? {}) as { status?: number; message?: string };
      if (status === 403) {
        notify(message || 'You are not allowed to open this record.', { type: 'error' });
        return;
      }
      notify('ra.notification.item_doesnt_exist', { type: 'error' });
      redirect('list', resource);
    },
    [notify, redirect, resource],
  );
}
