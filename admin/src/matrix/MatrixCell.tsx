import RestartAlt from '@mui/icons-material/RestartAlt';
import { Box, IconButton, ToggleButton, Tooltip, Typography } from '@mui/material';
import { memo, type ReactNode } from 'react';
import { letterOf, toggled, type CellSource } from './matrixModel';

export interface MatrixCellProps {
  role: string;
  module: string;
  /** null: the module row; else one table of the module. */
  table: string | null;
  /** The actions in force, as letters ("RCU"): a string, so the cell re-renders only when they change. */
  granted: string;
  source: CellSource;
  /** Module cells: the labels of the tables this role overrides, joined by ", " (a string, for memo). */
  overrides: string;
  vocabulary: readonly string[];
  editable: boolean;
  pending: boolean;
  onToggle: (role: string, module: string, table: string | null, actions: string[]) => void;
  onReset: (role: string, module: string, table: string) => void;
}

const toggleSx = (inherited: boolean) => ({
  // WCAG 2.2's smallest target (2.5.8): 24 px, as close together as the cell allows.
  width: 24,
  height: 24,
  minWidth: 0,
  p: 0,
  fontSize: 11,
  fontWeight: 700,
  lineHeight: 1,
  borderRadius: 0.75,
  borderStyle: inherited ? 'dashed' : 'solid',
  color: 'text.disabled',
  '&.Mui-selected, &.Mui-selected.Mui-disabled': inherited
    ? { bgcolor: 'action.selected', color: 'primary.main', borderColor: 'primary.light' }
    : { bgcolor: 'primary.main', color: 'primary.contrastText', borderColor: 'primary.main' },
  '&.Mui-selected:hover': inherited ? { bgcolor: 'action.focus' } : { bgcolor: 'primary.dark' },
  // Read-only: the grants must stay legible, only the pointer goes.
  '&.Mui-disabled': { borderStyle: inherited ? 'dashed' : 'solid' },
});

const captionSx = { fontSize: 10.5, lineHeight: 1.2, whiteSpace: 'nowrap' } as const;

/**
 * One cell of the matrix: the six actions as compact toggles (R C U D A E). A table cell
 * says whether it inherits its module row or overrides it, and an override can be reset.
 */
export const MatrixCell = memo(function MatrixCell(props: MatrixCellProps) {
  const { role, module, table, granted, source, overrides, vocabulary, editable, pending, onToggle, onReset } = props;
  const actions = vocabulary.filter((a) => granted.includes(letterOf(a)));
  const inherited = source === 'inherited';
  const createsOverride = table !== null && source !== 'override';
  const disabled = !editable || pending;

  const tip = (action: string, on: boolean) => {
    const name = action.charAt(0).toUpperCase() + action.slice(1);
    const state = `${name}: ${on ? 'allowed' : 'not allowed'}${inherited ? ' (inherited from the module row)' : ''}.`;
    if (!editable) return state;
    return `${state} Click to ${on ? 'revoke' : 'grant'}${createsOverride ? '; this creates an override for this table' : ''}.`;
  };

  let caption: ReactNode = null;
  if (table === null) {
    // Secondary, not disabled, grey: it is information to read (WCAG AA contrast), not an inactive control.
    if (source === 'none') caption = <Typography sx={{ ...captionSx, color: 'text.secondary' }}>no module row</Typography>;
    const count = overrides ? overrides.split(', ').length : 0;
    if (count) {
      caption = (
        <Tooltip title={`Overridden per table: ${overrides}. Expand the module to see them.`} disableInteractive>
          <Typography sx={{ ...captionSx, color: 'warning.main', cursor: 'help' }}>
            +{count} table override{count === 1 ? '' : 's'}
          </Typography>
        </Tooltip>
      );
    }
  } else if (source === 'override') {
    caption = (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.25 }}>
        <Typography sx={{ ...captionSx, color: 'warning.main', fontWeight: 600 }}>override</Typography>
        {editable && (
          <Tooltip title="Reset: remove the override, so this table inherits the module row again" disableInteractive>
            <span>
              <IconButton
                size="small"
                aria-label={`Reset the override of ${role} on ${table}`}
                disabled={pending}
                onClick={() => onReset(role, module, table)}
                sx={{ p: 0, width: 24, height: 24 }}
              >
                <RestartAlt sx={{ fontSize: 14 }} />
              </IconButton>
            </span>
          </Tooltip>
        )}
      </Box>
    );
  } else {
    caption = <Typography sx={{ ...captionSx, color: 'text.secondary' }}>{source === 'inherited' ? 'inherits module' : 'inherits: nothing'}</Typography>;
  }

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.25, opacity: pending ? 0.5 : 1, minHeight: 40 }}>
      <Box sx={{ display: 'flex', gap: 0.25 }} role="group" aria-label={`${role} on ${table ?? module}`}>
        {vocabulary.map((action) => {
          const on = actions.includes(action);
          return (
            <Tooltip key={action} title={tip(action, on)} disableInteractive enterDelay={400}>
              {/* A disabled button fires no events: the span keeps the tooltip working. */}
              <span>
                <ToggleButton
                  value={action}
                  selected={on}
                  disabled={disabled}
                  size="small"
                  aria-label={`${action} for ${role} on ${table ?? module}`}
                  onChange={() => onToggle(role, module, table, toggled(actions, action, vocabulary))}
                  sx={toggleSx(inherited)}
                >
                  {letterOf(action)}
                </ToggleButton>
              </span>
            </Tooltip>
          );
        })}
      </Box>
      {caption}
    </Box>
  );
});
