/** "Leave requests" -> "leave request", "Categories" -> "category": what one record of a table is called, lower case. */
export function singular(label: string): string {
  const words = inSentence(label);
  if (/(ss|us|is)$/.test(words)) return words;
  return words.replace(/ies$/, 'y').replace(/([^s])s$/, '$1');
}

/** "order" -> "an order", "booking" -> "a booking", "user" -> "a user": a noun with its indefinite article. */
export function withArticle(noun: string): string {
  const an = /^(?:[aeio]|u(?!ni|s[eu]|ti|r[aeiou])|hour|honou?r|heir)/i.test(noun);
  return `${an ? 'an' : 'a'} ${noun}`;
}

/** ["a"] -> "a"; ["a", "b", "c"] -> "a, b and c" (or "a, b or c"). */
export function listOf(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** A label as it reads inside a sentence: "Payment reference" -> "payment reference", "GST number" stays. */
export const inSentence = (label: string): string => (/^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label);

/** A state value as words: "in_progress" -> "in progress". */
export const stateWords = (state: unknown): string => {
  const words = String(state).replace(/_/g, ' ');
  // A state written in capitals (CHECKED_IN) reads as words too: "checked in", not shouted.
  return /[a-z]/.test(words) ? words : words.toLowerCase();
};

/** A column holding a month by its number, or a year ("month", "pay_month", "fiscal_year"): read as a month name, a year without separators. */
export const isMonthColumn = (name: string): boolean => /(^|_)month$/.test(name);
export const isYearColumn = (name: string): boolean => /(^|_)year$/.test(name);
