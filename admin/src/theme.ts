import type { CheckboxOwnerState, Theme } from '@mui/material';
import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** A calm, dense theme for people who spend their day in it: navy and teal on a cool grey page. */
export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    primary: { main: '#24527a' },
    secondary: { main: '#1f7a6d' },
    // MUI's red and orange fall under WCAG AA's 4.5:1 as text: red on the form toolbar (Delete),
    // orange on white (the matrix's "override" captions, 3.1:1). These darker ones pass on both.
    error: { main: '#c62828' },
    warning: { main: '#a34d00' },
    background: { default: '#f4f6f9' },
  },
  shape: { borderRadius: 8 },
  typography: { fontFamily: 'Inter, "Segoe UI", Roboto, Helvetica, Arial, sans-serif', fontSize: 13 },
  components: {
    ...defaultLightTheme.components,
    MuiAppBar: { styleOverrides: { root: { backgroundColor: '#1b3a57' } } },
    // Links inside tables (references) read better without a permanent underline.
    MuiLink: { defaultProps: { underline: 'hover' } },
    // react-admin names a list row's checkbox with aria-label on the component, which MUI puts on
    // the span around the input: the input went unnamed and the span carried a label it may not
    // have. The name goes to the input, where assistive technology reads it.
    MuiCheckbox: {
      defaultProps: {
        slotProps: {
          root: () => ({ 'aria-label': undefined }),
          input: (ownerState: CheckboxOwnerState) => (ownerState['aria-label'] ? { 'aria-label': ownerState['aria-label'] } : {}),
        },
      },
    },
    // A disabled field's hint says why it cannot be changed: it must stay readable, unlike the field.
    MuiFormHelperText: { styleOverrides: { root: ({ theme }: { theme: Theme }) => ({ '&.Mui-disabled': { color: theme.palette.text.secondary } }) } },
    // Column headers sort on click: at least 24 px tall, WCAG 2.2's smallest target.
    MuiTableSortLabel: { styleOverrides: { root: { minHeight: 24 } } },
    // With nothing selected react-admin folds the bulk actions bar to no height, but its buttons
    // stayed focusable (a Tab stop nobody sees) and lay over the list's view chips as targets.
    RaBulkActionsToolbar: { styleOverrides: { root: { '& .RaBulkActionsToolbar-collapsed': { visibility: 'hidden' } } } },
    // react-admin's grey[300] form toolbar left the red Delete at 3.8:1; a lighter grey, near the page's.
    RaToolbar: { styleOverrides: { root: { backgroundColor: '#eceff3' } } },
    RaDatagrid: {
      styleOverrides: {
        root: {
          '& .RaDatagrid-headerCell': { fontWeight: 600, color: '#4a5568', backgroundColor: '#fafbfc' },
          '& .RaDatagrid-rowCell': { paddingTop: 10, paddingBottom: 10 },
        },
      },
    },
  },
};
