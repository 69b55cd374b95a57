/** What the account pages exchange with /api/auth, and how they show it. */
export interface TwoFactorStatus {
  enabled: boolean;
  required: boolean;
  backupCodesLeft: number;
}

export interface TwoFactorSetup {
  otpauthUri: string;
  /** A PNG data URL. */
  qrDataUrl: string;
  secret: string;
}

export interface SessionRow {
  id: string;
  createdAt: string;
  lastSeenAt: string | null;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface SecurityEvent {
  id: string | number;
  occurredAt: string;
  kind: string;
  userId: string | null;
  userEmail: string | null;
  email: string | null;
  actorId: string | null;
  actorEmail: string | null;
  address: string | null;
  userAgent: string | null;
  detail: unknown;
}

/** A timestamp as the reader's locale writes it; `none` when there is none. */
export const formatTime = (value: string | null | undefined, none = '—'): string => (value ? new Date(value).toLocaleString() : none);

/** "Chrome on Windows" from a user agent: enough to recognise a device; the full string is in the tooltip. */
export function describeAgent(ua: string | null): string {
  if (!ua) return 'Unknown device';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\/|Opera/.test(ua)
      ? 'Opera'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Chrome\/|Chromium\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : undefined;
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : undefined;
  if (!browser) return ua.length > 40 ? `${ua.slice(0, 40)}…` : ua;
  return system ? `${browser} on ${system}` : browser;
}
