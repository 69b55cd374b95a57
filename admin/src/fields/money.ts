import { displayCurrency, displayLocale } from '../meta/metaStore';

/** Money in the pack's currency; an amount without a currency keeps two decimals. */
export function moneyOptions(): Intl.NumberFormatOptions {
  const currency = displayCurrency();
  return currency
    ? { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }
    : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
}

export const formatMoney = (n: number): string => n.toLocaleString(displayLocale(), moneyOptions());
