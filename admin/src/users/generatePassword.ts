/** No 0/O, 1/l/I: the administrator may have to read it out over the phone. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A strong one-time password from the browser's CSPRNG: four groups of five (about 116 bits),
 * long enough for any minimum the server sets by default and never a common password.
 * Rejection sampling keeps every character equally likely.
 */
export function generatePassword(groups = 4, size = 5): string {
  const chars: string[] = [];
  const limit = 256 - (256 % ALPHABET.length);
  while (chars.length < groups * size) {
    for (const byte of crypto.getRandomValues(new Uint8Array(64))) {
      if (byte < limit && chars.length < groups * size) chars.push(ALPHABET[byte % ALPHABET.length]!);
    }
  }
  const parts: string[] = [];
  for (let i = 0; i < groups; i++) parts.push(chars.slice(i * size, (i + 1) * size).join(''));
  return parts.join('-');
}
