import { describe, expect, it } from 'vitest';
import { threadOf } from '../../server/meta/threads.js';
import type { FieldKind, FieldMeta } from '../../server/meta/types.js';

const field = (name: string, kind: FieldKind, extra: Partial<FieldMeta> = {}): FieldMeta => ({
  name, label: name, kind, pgType: kind, nullable: true, required: false, hasDefault: false, readOnly: false,
  primaryKey: false, inList: false, filterable: true, searchable: false, ...extra,
});
const ref = (resource: string) => ({ reference: { resource, field: 'id', displayField: 'name', constraint: `${resource}_fk` } });
const stamped = { hasDefault: true, defaultIsNow: true as const };

describe('threadOf: which child tables read as a conversation', () => {
  it('recognises messages with a writer and a stamped time, on the record they are about', () => {
    const fields = [
      field('id', 'uuid', { primaryKey: true }),
      field('order_id', 'uuid', ref('orders')),
      field('author_id', 'uuid', ref('auth.users')),
      field('body', 'longtext'),
      field('private', 'boolean'),
      field('created_at', 'datetime', stamped),
    ];
    expect(threadOf('order_comments', fields, 'order_id')).toEqual({ text: 'body', author: 'author_id', at: 'created_at', internal: 'private' });
    // Seen from the writer, the same rows are theirs across records: a list, not a conversation.
    expect(threadOf('order_comments', fields, 'author_id')).toBeUndefined();
  });

  it('leaves alone tables that merely hold text: posts, blocks, notifications', () => {
    const post = [field('campaign_id', 'uuid', ref('campaigns')), field('content', 'longtext'), field('created_by', 'uuid', ref('users')), field('created_at', 'datetime', stamped)];
    expect(threadOf('social_media_posts', post, 'campaign_id')).toBeUndefined();
    const notification = [field('user_id', 'uuid', ref('auth.users')), field('message', 'longtext'), field('created_at', 'datetime', stamped)];
    expect(threadOf('notifications', notification, 'user_id')).toBeUndefined();
    const unstamped = [field('ticket_id', 'uuid', ref('tickets')), field('user_id', 'uuid', ref('users')), field('message', 'longtext'), field('sent_at', 'datetime')];
    expect(threadOf('ticket_notes', unstamped, 'ticket_id')).toBeUndefined();
  });
});
