import { defaultI18nProvider, type I18nProvider } from 'react-admin';

/** Words where react-admin's defaults do not fit Gatehouse (people sign in with their email). */
const OVERRIDES: Record<string, string> = {
  'ra.auth.username': 'Email',
  'ra.navigation.page_range_info': '%{offsetBegin}–%{offsetEnd} of %{total}',
  // A list whose total is an estimate: ListPagination says "about N" beside the range.
  'ra.navigation.partial_page_range_info': '%{offsetBegin}–%{offsetEnd}',
};

/** An override with its %{name} placeholders filled from the options, as react-admin's own messages are. */
const fill = (message: string, options: Record<string, unknown> = {}) =>
  message.replace(/%\{(\w+)\}/g, (whole, name: string) => (options[name] === undefined ? whole : String(options[name])));

export const i18nProvider: I18nProvider = {
  ...defaultI18nProvider,
  translate: (key, options) => {
    const override = OVERRIDES[key];
    return override === undefined ? defaultI18nProvider.translate(key, options) : fill(override, options as Record<string, unknown>);
  },
};
