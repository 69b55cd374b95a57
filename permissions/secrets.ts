/**
 * Columns that never leave the database through the API, whatever the matrix says:
 * password hashes, TOTP secrets, backup codes, session and reset tokens, API key hashes,
 * webhook and client secrets, private keys ("Fields no role may read or write"). Matched by column name so that any schema
 * Gatehouse serves is covered, not only OMBARO's.
 */
const SECRET_COLUMN =
  /(^|_)(encrypted_password|password_hash|passwd|totp_secret|mfa_secret|otp_secret|backup_codes?|recovery_codes?|token_hash|refresh_token|reset_token|key_hash|secret_key|client_secret|signing_secret|webhook_secret|api_secret|private_key)$/i;

export function isSecretColumn(column: string): boolean {
  return SECRET_COLUMN.test(column);
}
