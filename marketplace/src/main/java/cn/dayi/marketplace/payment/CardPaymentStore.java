package cn.dayi.marketplace.payment;

import cn.dayi.marketplace.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL of card payment attempts, card refunds, Stripe events and card payment records, on the caller's connection. */
final class CardPaymentStore {

    /** One row of {@code card_payment_attempt}. */
    record Attempt(long id, long orderId, int attemptNo, String idempotencyKey, String intentId, String clientSecret,
                   long amountFen, String currency, String paymentMethodTypes, String status, String failureCode,
                   String failureMessage, String attention, long createdBy, Instant createdAt, Instant updatedAt) {
    }

    /** One row of {@code card_refund}. */
    record RefundRow(long id, long orderId, long attemptId, int refundNo, String idempotencyKey, String requestKey,
                     String stripeRefundId, long amountFen, String currency, String status, String reason,
                     String failureReason, long createdBy, Instant createdAt, long voucherFen, Long journalId,
                     String attention) {
    }

    private static final String ATTEMPT = "SELECT * FROM card_payment_attempt ";
    private static final String REFUND = "SELECT * FROM card_refund ";

    private CardPaymentStore() {
    }

    static List<Attempt> attempts(Connection c, long orderId) throws SQLException {
        return Jdbc.list(c, ATTEMPT + "WHERE order_id = ? ORDER BY attempt_no", CardPaymentStore::attempt, orderId);
    }

    static Optional<Attempt> attempt(Connection c, long orderId, int attemptNo) throws SQLException {
        return Jdbc.one(c, ATTEMPT + "WHERE order_id = ? AND attempt_no = ?", CardPaymentStore::attempt, orderId, attemptNo);
    }

    static Optional<Attempt> byIntentForUpdate(Connection c, String intentId) throws SQLException {
        return Jdbc.one(c, ATTEMPT + "WHERE payment_intent_id = ? FOR UPDATE", CardPaymentStore::attempt, intentId);
    }

    static Optional<Attempt> byId(Connection c, long id) throws SQLException {
        return Jdbc.one(c, ATTEMPT + "WHERE id = ?", CardPaymentStore::attempt, id);
    }

    static Optional<Attempt> byIdForUpdate(Connection c, long id) throws SQLException {
        return Jdbc.one(c, ATTEMPT + "WHERE id = ? FOR UPDATE", CardPaymentStore::attempt, id);
    }

    /** The order's SUCCEEDED attempt (at most one confirms an order), locked. */
    static Optional<Attempt> succeededForUpdate(Connection c, long orderId) throws SQLException {
        return Jdbc.one(c, ATTEMPT + "WHERE order_id = ? AND status = 'SUCCEEDED' ORDER BY attempt_no LIMIT 1 FOR UPDATE",
                CardPaymentStore::attempt, orderId);
    }

    /** Ids of attempts PENDING or UNKNOWN since before {@code before}, oldest first. */
    static List<Long> openBefore(Connection c, Instant before, int limit) throws SQLException {
        return Jdbc.list(c, "SELECT id FROM card_payment_attempt WHERE status IN ('PENDING', 'UNKNOWN') AND created_at < ? "
                + "ORDER BY created_at, id LIMIT " + limit, rs -> rs.getLong(1), before);
    }

    static long insertAttempt(Connection c, long orderId, int attemptNo, String key, long amountFen, String currency,
                              String types, long by, Instant now) throws SQLException {
        return Jdbc.insert(c, """
                INSERT INTO card_payment_attempt (order_id, attempt_no, idempotency_key, amount_fen, currency,
                  payment_method_types, status, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'UNKNOWN', ?, ?, ?)""", orderId, attemptNo, key, amountFen, currency, types, by, now, now);
    }

    static void created(Connection c, long attemptId, String intentId, String clientSecret, String status, Instant now)
            throws SQLException {
        Jdbc.update(c, "UPDATE card_payment_attempt SET payment_intent_id = ?, client_secret = ?, status = ?, updated_at = ? "
                + "WHERE id = ?", intentId, clientSecret, status, now, attemptId);
    }

    static void status(Connection c, long attemptId, String status, String failureCode, String failureMessage,
                       String attention, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE card_payment_attempt SET status = ?, failure_code = ?, failure_message = ?, "
                + "attention = COALESCE(?, attention), updated_at = ? WHERE id = ?", status, cut(failureCode, 64),
                cut(failureMessage, 500), cut(attention, 500), now, attemptId);
    }

    /** The card payment that confirmed an order; {@code reference} is the PaymentIntent id. */
    static void paymentRecord(Connection c, Attempt a, long amountFen, String currency, Instant now) throws SQLException {
        Jdbc.update(c, "INSERT INTO payment_record (order_id, method, amount_fen, currency, reference, recorded_by, recorded_at, "
                + "provider, card_attempt_id) VALUES (?, 'CARD', ?, ?, ?, NULL, ?, 'STRIPE', ?)", a.orderId(), amountFen,
                currency, a.intentId(), now, a.id());
    }

    // ---- refunds ----

    static List<RefundRow> refunds(Connection c, long orderId) throws SQLException {
        return Jdbc.list(c, REFUND + "WHERE order_id = ? ORDER BY refund_no", CardPaymentStore::refund, orderId);
    }

    static Optional<RefundRow> refundByRequest(Connection c, long orderId, String requestKey) throws SQLException {
        return Jdbc.one(c, REFUND + "WHERE order_id = ? AND request_key = ?", CardPaymentStore::refund, orderId, requestKey);
    }

    static Optional<RefundRow> refundById(Connection c, long id) throws SQLException {
        return Jdbc.one(c, REFUND + "WHERE id = ?", CardPaymentStore::refund, id);
    }

    static Optional<RefundRow> refundForUpdate(Connection c, long id) throws SQLException {
        return Jdbc.one(c, REFUND + "WHERE id = ? FOR UPDATE", CardPaymentStore::refund, id);
    }

    static Optional<RefundRow> refundByStripeId(Connection c, String stripeRefundId) throws SQLException {
        return Jdbc.one(c, REFUND + "WHERE stripe_refund_id = ?", CardPaymentStore::refund, stripeRefundId);
    }

    /** Ids of refunds still REQUESTED or PENDING since before {@code before}, oldest first. */
    static List<Long> openRefundsBefore(Connection c, Instant before, int limit) throws SQLException {
        return Jdbc.list(c, "SELECT id FROM card_refund WHERE status IN ('REQUESTED', 'PENDING') AND created_at < ? "
                + "ORDER BY created_at, id LIMIT " + limit, rs -> rs.getLong(1), before);
    }

    /**
     * Cash and voucher fen of the attempt's refunds under way: asked of Stripe and not yet answered for good
     * (REQUESTED, PENDING), or SUCCEEDED and not yet posted. The ledger does not hold them yet; a new refund must
     * leave room for them.
     */
    static long[] inFlight(Connection c, long attemptId) throws SQLException {
        return Jdbc.one(c, "SELECT COALESCE(SUM(amount_fen), 0), COALESCE(SUM(voucher_fen), 0) FROM card_refund "
                + "WHERE attempt_id = ? AND (status IN ('REQUESTED', 'PENDING') OR (status = 'SUCCEEDED' AND journal_id IS NULL))",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, attemptId).orElseThrow();
    }

    static void refundPosted(Connection c, long refundId, long journalId) throws SQLException {
        Jdbc.update(c, "UPDATE card_refund SET journal_id = ? WHERE id = ? AND journal_id IS NULL", journalId, refundId);
    }

    static void refundAttention(Connection c, long refundId, String attention, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE card_refund SET attention = ?, updated_at = ? WHERE id = ?", cut(attention, 500), now, refundId);
    }

    /** Sum of the attempt's refunds that are not FAILED or CANCELED (money gone or on its way back), fen. */
    static long refundedFen(Connection c, long attemptId) throws SQLException {
        return Jdbc.count(c, "SELECT COALESCE(SUM(amount_fen), 0) FROM card_refund WHERE attempt_id = ? "
                + "AND status NOT IN ('FAILED', 'CANCELED')", attemptId);
    }

    static long insertRefund(Connection c, long orderId, long attemptId, int refundNo, String key, String requestKey,
                             long amountFen, long voucherFen, String currency, String reason, long by, Instant now)
            throws SQLException {
        return Jdbc.insert(c, """
                INSERT INTO card_refund (order_id, attempt_id, refund_no, idempotency_key, request_key, amount_fen, voucher_fen,
                  currency, status, reason, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?, ?)""", orderId, attemptId, refundNo, key, requestKey,
                amountFen, voucherFen, currency, reason, by, now, now);
    }

    static void refundAnswered(Connection c, long refundId, String stripeRefundId, String status, String failureReason,
                               Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE card_refund SET stripe_refund_id = COALESCE(?, stripe_refund_id), status = ?, "
                + "failure_reason = ?, updated_at = ? WHERE id = ?", stripeRefundId, status, cut(failureReason, 255), now,
                refundId);
    }

    /** Updates a refund Stripe reported on (refund.updated / refund.failed events); false when unknown here. */
    static boolean refundStatus(Connection c, String stripeRefundId, String status, String failureReason, Instant now)
            throws SQLException {
        return Jdbc.update(c, "UPDATE card_refund SET status = ?, failure_reason = ?, updated_at = ? WHERE stripe_refund_id = ?",
                status, cut(failureReason, 255), now, stripeRefundId) == 1;
    }

    // ---- events ----

    /** Remembers a Stripe event; fails on the primary key when it was already applied. */
    static void event(Connection c, String eventId, String type, String objectId, String outcome, Instant now)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO stripe_event (event_id, type, object_id, outcome, received_at) VALUES (?, ?, ?, ?, ?)",
                eventId, cut(type, 64), objectId, outcome, now);
    }

    static void eventOutcome(Connection c, String eventId, String outcome) throws SQLException {
        Jdbc.update(c, "UPDATE stripe_event SET outcome = ? WHERE event_id = ?", outcome, eventId);
    }

    private static Attempt attempt(ResultSet rs) throws SQLException {
        return new Attempt(rs.getLong("id"), rs.getLong("order_id"), rs.getInt("attempt_no"), rs.getString("idempotency_key"),
                rs.getString("payment_intent_id"), rs.getString("client_secret"), rs.getLong("amount_fen"),
                rs.getString("currency"), rs.getString("payment_method_types"), rs.getString("status"),
                rs.getString("failure_code"), rs.getString("failure_message"), rs.getString("attention"),
                rs.getLong("created_by"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }

    private static RefundRow refund(ResultSet rs) throws SQLException {
        return new RefundRow(rs.getLong("id"), rs.getLong("order_id"), rs.getLong("attempt_id"), rs.getInt("refund_no"),
                rs.getString("idempotency_key"), rs.getString("request_key"), rs.getString("stripe_refund_id"),
                rs.getLong("amount_fen"), rs.getString("currency"), rs.getString("status"), rs.getString("reason"),
                rs.getString("failure_reason"), rs.getLong("created_by"), Jdbc.instant(rs, "created_at"),
                rs.getLong("voucher_fen"), rs.getObject("journal_id") == null ? null : rs.getLong("journal_id"),
                rs.getString("attention"));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
