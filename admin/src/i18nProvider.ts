import { defaultI18nProvider, type I18nProvider } from 'react-admin';

/** Words where react-admin's defaults do not fit Gatehouse (people sign in with their email). */
const OVERRIDES: Record<string, string> = {
  'ra.auth.username': 'Email',
};

export const i18nProvider: I18nProvider = {
  ...defaultI18nProvider,
  translate: (key, options) => OVERRIDES[key] ?? defaultI18nProvider.translate(key, options),
};
