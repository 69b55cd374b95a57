import { Box, Button, Checkbox, Chip, FormControlLabel, Link as MuiLink, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  RecordContextProvider, ResourceContextProvider, useCreate, useCreatePath, useGetList, useNotify, useRecordContext,
} from 'react-admin';
import { Link } from 'react-router-dom';
import type { ResourceMeta, ReverseReferenceMeta, ThreadSpec } from '../../../server/meta/types';
import { ReferenceLabelField } from '../fields/ReferenceLabelField';
import { formatMoment } from '../fields/dates';
import { fieldErrorsOf, messageOf } from '../providers/apiCall';

const PAGE = 50;
type Message = { id: string | number } & Record<string, unknown>;

/**
 * The thread's columns as this caller has them: the message column must be readable for the
 * rows to read as a conversation at all; the others only add to it.
 */
export function readableThread(reverse: ReverseReferenceMeta, other: ResourceMeta): ThreadSpec | undefined {
  const spec = reverse.thread;
  const has = (name: string | undefined) => name !== undefined && other.fields.some((f) => f.name === name);
  if (!spec || !has(spec.text)) return undefined;
  return {
    text: spec.text,
    ...(has(spec.author) ? { author: spec.author } : {}),
    ...(has(spec.at) ? { at: spec.at } : {}),
    ...(has(spec.internal) ? { internal: spec.internal } : {}),
  };
}

/**
 * The rows of a message table about this record (a ticket's messages) read as a conversation:
 * oldest first, each with its writer's name and time, staff-only notes marked; and a reply box
 * in place for whoever may write one, so answering never leaves the record.
 */
export function Thread({ reverse, other, spec }: { reverse: ReverseReferenceMeta; other: ResourceMeta; spec: ThreadSpec }) {
  const record = useRecordContext();
  const [shown, setShown] = useState(PAGE);
  const parentId = record?.[reverse.target];
  const sortField = spec.at ?? other.defaultSort.field;
  const { data, total, pageInfo, isPending, error, refetch } = useGetList<Message>(
    other.name,
    { filter: { [reverse.field]: parentId }, sort: { field: sortField, order: 'DESC' }, pagination: { page: 1, perPage: shown } },
    { enabled: parentId !== undefined && parentId !== null },
  );
  if (!record) return null;
  const messages = [...(data ?? [])].reverse();
  const more = total !== undefined ? total > messages.length : Boolean(pageInfo?.hasNextPage);
  return (
    <Box component="section" aria-label="Conversation" sx={{ mt: 3 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        Conversation
      </Typography>
      {more && (
        <Button size="small" onClick={() => setShown((n) => n + PAGE)}>
          Show earlier messages
        </Button>
      )}
      {error ? (
        <Typography role="alert" color="error">
          {messageOf(error)}
        </Typography>
      ) : !isPending && messages.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 2 }}>
          No messages yet.
        </Typography>
      ) : (
        <ResourceContextProvider value={other.name}>
          <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }}>
            {messages.map((m) => (
              <RecordContextProvider key={m.id} value={m}>
                <MessageItem message={m} other={other} spec={spec} />
              </RecordContextProvider>
            ))}
          </Box>
        </ResourceContextProvider>
      )}
      <ReplyBox reverse={reverse} other={other} spec={spec} parentId={parentId} onSent={() => void refetch()} />
    </Box>
  );
}

function MessageItem({ message, other, spec }: { message: Message; other: ResourceMeta; spec: ThreadSpec }) {
  const createPath = useCreatePath();
  const internal = spec.internal !== undefined && message[spec.internal] === true;
  const authorField = spec.author ? other.fields.find((f) => f.name === spec.author) : undefined;
  const at = spec.at ? message[spec.at] : undefined;
  const when = typeof at === 'string' ? formatMoment(at) : undefined;
  const text = message[spec.text];
  return (
    <Box
      component="li"
      data-message={String(message.id)}
      data-internal={internal || undefined}
      sx={{
        p: 1.5,
        borderRadius: 1,
        border: 1,
        borderColor: internal ? 'warning.main' : 'divider',
        borderLeftWidth: internal ? 4 : 1,
        bgcolor: internal ? '#fff8e1' : 'background.paper',
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
        <Box sx={{ '&, & .MuiTypography-root': { fontWeight: 600 } }} data-author>
          {authorField?.reference ? (
            <ReferenceLabelField source={authorField.name} label={authorField.label} reference={authorField.reference} unnamed="Someone" />
          ) : (
            'Someone'
          )}
        </Box>
        {when && (
          <Typography variant="body2" color="text.secondary" component="span">
            {other.openable && other.primaryKey.length ? (
              <MuiLink component={Link} to={createPath({ resource: other.name, id: message.id, type: 'show' })} color="inherit">
                {when}
              </MuiLink>
            ) : (
              when
            )}
          </Typography>
        )}
        {internal && <Chip size="small" label="Internal note" sx={{ bgcolor: '#7a4f01', color: '#fff' }} />}
      </Stack>
      <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-text>
        {text === null || text === undefined ? '' : String(text)}
      </Typography>
    </Box>
  );
}

/** The columns a reply fills: the reference to this record, the text, the internal flag. Anything else the table needs to be given keeps the reply box away. */
function canReplyInPlace(reverse: ReverseReferenceMeta, other: ResourceMeta, spec: ThreadSpec): boolean {
  const filled = new Set([reverse.field, spec.text, spec.internal, other.ownerColumn]);
  const text = other.fields.find((f) => f.name === spec.text);
  return (
    other.actions.includes('create') &&
    text !== undefined &&
    !text.readOnly &&
    other.fields.every((f) => !f.required || f.readOnly || filled.has(f.name))
  );
}

function ReplyBox(props: { reverse: ReverseReferenceMeta; other: ResourceMeta; spec: ThreadSpec; parentId: unknown; onSent: () => void }) {
  const { reverse, other, spec, parentId, onSent } = props;
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  if (!canReplyInPlace(reverse, other, spec)) return null;
  const internalField = spec.internal ? other.fields.find((f) => f.name === spec.internal && !f.readOnly) : undefined;
  const send = () => {
    if (!text.trim()) {
      setProblem('Write a message first.');
      return;
    }
    const data = { [reverse.field]: parentId, [spec.text]: text, ...(internalField ? { [internalField.name]: internal } : {}) };
    create(
      other.name,
      { data },
      {
        onSuccess: () => {
          setText('');
          setInternal(false);
          setProblem(undefined);
          notify(internal ? 'Internal note added.' : 'Reply sent.', { type: 'success' });
          onSent();
        },
        // What was typed stays in the box: nothing is lost to a refusal.
        onError: (error) => {
          const message = fieldErrorsOf(error)[spec.text] ?? messageOf(error);
          setProblem(message);
          notify(message, { type: 'error' });
        },
      },
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  // Ctrl+Enter (or Cmd+Enter) sends, as in mail and chat.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send();
  };
  return (
    <Box component="form" onSubmit={onSubmit} aria-label="Reply" sx={{ mt: 2, display: 'grid', gap: 1 }}>
      <TextField
        label={internal ? 'Internal note' : 'Reply'}
        multiline
        minRows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        error={Boolean(problem)}
        helperText={problem ?? (internal ? 'Seen by staff only.' : ' ')}
        slotProps={{ htmlInput: { 'data-reply': true } }}
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'flex-end' }}>
        {internalField && (
          <FormControlLabel control={<Checkbox checked={internal} onChange={(e) => setInternal(e.target.checked)} />} label="Internal note (staff only)" />
        )}
        <Button type="submit" variant="contained" disabled={isPending}>
          {internal ? 'Add note' : 'Send reply'}
        </Button>
      </Stack>
    </Box>
  );
}
