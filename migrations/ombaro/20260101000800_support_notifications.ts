import type { Knex } from 'knex';

/** OMBARO demo schema, part 8: support and notifications (seed 004 section 11). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- ---------------------------------------------------------------- support_tickets
    CREATE TABLE public.support_tickets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- DEFAULT '' only marks the column as optional on insert; the BEFORE INSERT trigger below
      -- replaces '' (or NULL) with a TKT-YYYYMMDD-NNNN number.
      ticket_number text UNIQUE NOT NULL DEFAULT '',
      customer_id uuid REFERENCES public.customers(id) ON DELETE SET NULL,
      booking_id uuid REFERENCES public.bookings(id) ON DELETE SET NULL,
      category text NOT NULL CHECK (category IN (
        'booking_issue', 'payment_issue', 'service_quality', 'technical', 'feedback', 'other'
      )),
      priority text DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
      subject text NOT NULL,
      description text NOT NULL,
      status text DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'waiting', 'resolved', 'closed')),
      assigned_to uuid REFERENCES public.employees(id),
      assigned_at timestamptz,
      resolved_at timestamptz,
      resolution_notes text,
      satisfaction_rating integer CHECK (satisfaction_rating BETWEEN 1 AND 5),
      attachments text[],
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_support_tickets_customer ON public.support_tickets(customer_id);
    CREATE INDEX idx_support_tickets_booking ON public.support_tickets(booking_id);
    CREATE INDEX idx_support_tickets_status ON public.support_tickets(status);
    CREATE INDEX idx_support_tickets_assigned ON public.support_tickets(assigned_to);
    CREATE INDEX idx_support_tickets_priority ON public.support_tickets(priority);
    CREATE INDEX idx_support_tickets_created ON public.support_tickets(created_at DESC);
    CREATE TRIGGER support_tickets_set_updated_at BEFORE UPDATE ON public.support_tickets
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    -- ticket_number may be omitted (or sent empty) on insert: filled with TKT-YYYYMMDD-NNNN
    -- (UTC date of created_at, per-day counter), the same way as bookings.booking_number.
    CREATE FUNCTION public.support_tickets_assign_number() RETURNS trigger
      LANGUAGE plpgsql
      AS $$
      BEGIN
        IF NEW.ticket_number IS NULL OR btrim(NEW.ticket_number) = '' THEN
          NEW.ticket_number := public.next_document_number('TKT', NEW.created_at);
        ELSE
          PERFORM public.note_document_number('TKT', NEW.ticket_number);
        END IF;
        RETURN NEW;
      END
      $$;
    CREATE TRIGGER support_tickets_assign_number BEFORE INSERT ON public.support_tickets
      FOR EACH ROW EXECUTE FUNCTION public.support_tickets_assign_number();

    COMMENT ON TABLE public.support_tickets IS 'Customer support tickets handled by customer care';
    COMMENT ON COLUMN public.support_tickets.ticket_number IS 'TKT-YYYYMMDD-NNNN; generated when left empty';
    COMMENT ON COLUMN public.support_tickets.assigned_to IS 'Customer-care employee handling the ticket';
    COMMENT ON COLUMN public.support_tickets.resolution_notes IS 'How the issue was resolved; needed to mark the ticket resolved';
    COMMENT ON COLUMN public.support_tickets.satisfaction_rating IS 'Customer''s rating of the support, 1 to 5';
    COMMENT ON COLUMN public.support_tickets.attachments IS 'File URLs';

    -- ---------------------------------------------------------------- ticket_messages
    CREATE TABLE public.ticket_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ticket_id uuid NOT NULL REFERENCES public.support_tickets(id) ON DELETE CASCADE,
      sender_id uuid NOT NULL REFERENCES auth.users(id),
      sender_type text NOT NULL CHECK (sender_type IN ('customer', 'employee', 'system')),
      message text NOT NULL,
      attachments text[],
      is_internal boolean DEFAULT false,
      created_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_ticket_messages_ticket ON public.ticket_messages(ticket_id);
    CREATE INDEX idx_ticket_messages_sender ON public.ticket_messages(sender_id);

    COMMENT ON TABLE public.ticket_messages IS 'Conversation on a support ticket, including staff-only notes';
    COMMENT ON COLUMN public.ticket_messages.is_internal IS 'Internal notes between staff (never shown to the customer)';
    COMMENT ON COLUMN public.ticket_messages.attachments IS 'File URLs';

    -- ---------------------------------------------------------------- notifications
    CREATE TABLE public.notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
      type text NOT NULL CHECK (type IN (
        'booking_confirmed', 'booking_cancelled', 'therapist_assigned', 'therapist_arrived',
        'service_started', 'service_completed', 'payment_received', 'refund_processed',
        'promotion', 'reminder', 'system_alert'
      )),
      title text NOT NULL,
      message text NOT NULL,
      data jsonb,
      channels text[] DEFAULT '{}',
      is_read boolean DEFAULT false,
      read_at timestamptz,
      created_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_notifications_user ON public.notifications(user_id);
    CREATE INDEX idx_notifications_type ON public.notifications(type);
    CREATE INDEX idx_notifications_read ON public.notifications(is_read);
    CREATE INDEX idx_notifications_created ON public.notifications(created_at DESC);

    COMMENT ON TABLE public.notifications IS 'Notifications sent to users (push, email, SMS, in-app)';
    COMMENT ON COLUMN public.notifications.user_id IS 'Recipient';
    COMMENT ON COLUMN public.notifications.data IS 'Related entity IDs, deep link data';
    COMMENT ON COLUMN public.notifications.channels IS 'push, email, sms, in_app';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS public.notifications;
    DROP TABLE IF EXISTS public.ticket_messages;
    DROP TABLE IF EXISTS public.support_tickets;
    DROP FUNCTION IF EXISTS public.support_tickets_assign_number();
    DELETE FROM public.document_counters WHERE scope = 'TKT';
  `);
}
