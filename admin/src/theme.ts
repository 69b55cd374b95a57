import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** A calm, dense theme for people who spend their day in it. */
export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    primary: { main: '#24527a' },
    secondary: { main: '#1f7a6d' },
    background: { default: '#f5f7fa' },
  },
  shape: { borderRadius: 8 },
  typography: { fontFamily: 'Inter, "Segoe UI", Roboto, Helvetica, Arial, sans-serif', fontSize: 13 },
  components: {
    ...defaultLightTheme.components,
    MuiAppBar: { styleOverrides: { root: { backgroundColor: '#1b3a57' } } },
  },
};
