/**
 * Columns that never leave the database through the API, whatever the matrix says:
 * password hashes, TOTP secrets, backup codes and session token hashes (MATRIX.md,
 * "Fields no role may read or write"). Matched by column name so that any schema
 * Gatehouse serves is covered, not only OMBARO's.
 */
const SECRET_COLUMN = /(^|_)(encrypted_password|password_hash|passwd|totp_secret|mfa_secret|otp_secret|backup_codes?|recovery_codes?|token_hash|refresh_token|api_key_hash)$/i;

export function isSecretColumn(column: string): boolean {
  return SECRET_COLUMN.test(column);
}
