package cn.dayi.marketplace.booking;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.OrderLifecycle.Command;
import cn.dayi.marketplace.booking.OrderLifecycle.Transition;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.searchsync.InstrumentRatings;
import cn.dayi.marketplace.searchsync.SearchOutbox;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reviews (评价) of completed orders of either kind: the buyer's BUYER_MEMBER rates 1–5 stars with an
 * optional comment (COMPLETED → REVIEWED, once: a second review is 409 {@code ILLEGAL_TRANSITION});
 * the serving operator's manager or technicians may reply once (409 {@code ALREADY_REPLIED}). Instruments show the
 * average and count; the search index gets them through {@link InstrumentRatings} (the review queues
 * the instrument in the search outbox in its own transaction).
 *
 * <p>Errors: 400 {@code RATING_INVALID}, {@code COMMENT_TOO_LONG}, {@code REPLY_REQUIRED}; 403
 * {@code FORBIDDEN}; 404 {@code ORDER_NOT_FOUND}, {@code REVIEW_NOT_FOUND}, {@code INSTRUMENT_NOT_FOUND};
 * 409 {@code ILLEGAL_TRANSITION}, {@code ALREADY_REPLIED}, {@code ORDER_CHANGED}.
 */
@Singleton
public class Reviews {

    private final Jdbc jdbc;
    private final Bookings bookings;
    private final Availability availability;
    private final SearchOutbox outbox;
    private final Clock clock;
    private final Ratings ratings;

    Reviews(Jdbc jdbc, Bookings bookings, Availability availability, SearchOutbox outbox, Clock clock, Ratings ratings) {
        this.ratings = ratings;
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.availability = availability;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What the buyer says: {@code rating} 1–5 stars, {@code comment} at most 2,000 characters. */
    @Serdeable
    public record NewReview(@Nullable Integer rating, @Nullable String comment) {
    }

    /** The operator's answer, 1–2,000 characters. */
    @Serdeable
    public record Reply(@Nullable String reply) {
    }

    /**
     * A review as shown.
     *
     * @param buyerOrganisation the reviewing organisation's name
     * @param orderKind         MACHINE_TIME or TESTING
     * @param reply             the operator's reply, or null
     */
    @Serdeable
    public record Review(long orderId, long instrumentId, String orderKind, int rating, @Nullable String comment,
                         String buyerOrganisation, Instant reviewedAt, @Nullable String reply,
                         @Nullable Instant repliedAt) {
    }

    /**
     * An instrument's rating and its latest reviews (at most 50, newest first).
     *
     * @param averageRating mean stars rounded to 0.1, null without reviews
     */
    @Serdeable
    public record InstrumentReviews(long instrumentId, String instrumentCode, @Nullable Double averageRating,
                                    int reviewCount, List<Review> reviews) {
    }

    /** The buyer reviews a COMPLETED order (→ REVIEWED). */
    public Review review(Actor actor, long orderId, NewReview body) {
        ServiceOrder o = bookings.get(actor, orderId);
        Transition t = bookings.transition(actor, o, Command.REVIEW);
        if (body == null || body.rating() == null || body.rating() < 1 || body.rating() > 5) {
            throw new ApiException.ValidationFailed("rating", "RATING_INVALID", "Give 1 to 5 stars.");
        }
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        if (comment != null && comment.length() > 2000) {
            throw new ApiException.ValidationFailed("comment", "COMMENT_TOO_LONG", "The comment is at most 2,000 characters.");
        }
        Instant now = clock.instant();
        bookings.apply(o, t, actor.personId(), body.rating() + " stars", now, c -> {
            Jdbc.update(c, "INSERT INTO order_review (order_id, instrument_id, rating, comment, reviewer_id, reviewed_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", orderId, o.instrument().id(), body.rating(), comment, actor.personId(), now);
            outbox.enqueue(c, List.of(o.instrument().id()));
        });
        return get(actor, orderId);
    }

    /** The serving operator's staff reply once. */
    public Review reply(Actor actor, long orderId, Reply body) {
        ServiceOrder o = bookings.get(actor, orderId);
        if (!actor.hasRoleIn(o.operator().id(), Role.OPERATOR_MANAGER, Role.OPERATOR_TECHNICIAN)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Only the manager or technicians of the operator that served "
                    + "the order reply.");
        }
        String reply = body == null || body.reply() == null ? "" : body.reply().strip();
        if (reply.isEmpty() || reply.length() > 2000) {
            throw new ApiException.ValidationFailed("reply", "REPLY_REQUIRED", "Write the reply, 1 to 2,000 characters.");
        }
        Instant now = clock.instant();
        jdbc.write(c -> {
            if (!exists(c, orderId)) {
                throw notReviewed(orderId);
            }
            if (Jdbc.update(c, "UPDATE order_review SET reply = ?, replied_by = ?, replied_at = ? WHERE order_id = ? "
                    + "AND reply IS NULL", reply, actor.personId(), now, orderId) == 0) {
                throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "ALREADY_REPLIED",
                        "This review already has the operator's reply; it is given once.");
            }
            BookingStore.event(c, orderId, "REVIEW_REPLIED", o.state(), o.state(), actor.personId(), null, now);
            return null;
        });
        return get(actor, orderId);
    }

    /** The review of an order (either side of it, platform admins); 404 {@code REVIEW_NOT_FOUND} before it. */
    public Review get(Actor actor, long orderId) {
        bookings.get(actor, orderId);
        return jdbc.read(c -> Jdbc.one(c, SELECT + " WHERE r.order_id = ?", Reviews::row, orderId))
                .orElseThrow(() -> notReviewed(orderId));
    }

    /** Public: an instrument's rating and latest reviews. */
    public InstrumentReviews ofInstrument(String idOrCode) {
        BookingStore.Instrument i = availability.instrument(idOrCode);
        return jdbc.read(c -> {
            InstrumentRatings.Rating r = ratings.of(c, List.of(i.id())).get(i.id());
            List<Review> latest = Jdbc.list(c, SELECT + " WHERE r.instrument_id = ? ORDER BY r.reviewed_at DESC, r.order_id DESC "
                    + "LIMIT 50", Reviews::row, i.id());
            return new InstrumentReviews(i.id(), i.code(), r == null ? null : Math.round(r.average() * 10) / 10.0,
                    r == null ? 0 : r.count(), latest);
        });
    }

    private static final String SELECT = """
            SELECT r.order_id, r.instrument_id, o.kind, r.rating, r.comment, b.name_zh AS buyer, r.reviewed_at, r.reply,
                   r.replied_at
            FROM order_review r JOIN service_order o ON o.id = r.order_id JOIN organisation b ON b.id = o.buyer_org_id""";

    private static Review row(java.sql.ResultSet rs) throws SQLException {
        return new Review(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                Jdbc.instant(rs, "reviewed_at"), rs.getString(8), Jdbc.instant(rs, "replied_at"));
    }

    private static boolean exists(Connection c, long orderId) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM order_review WHERE order_id = ?", orderId) == 1;
    }

    private static ApiException notReviewed(long orderId) {
        return new ApiException.NotFound("REVIEW_NOT_FOUND", "Order " + orderId + " has not been reviewed yet.");
    }

    /** Averages of the reviews per instrument, for the search index (a bean of its own: search sync needs it early). */
    @Singleton
    static class Ratings implements InstrumentRatings {

        @Override
        public Map<Long, Rating> of(Connection c, Collection<Long> instrumentIds) throws SQLException {
            Map<Long, Rating> out = new HashMap<>();
            if (instrumentIds.isEmpty()) {
                return out;
            }
            String in = String.join(",", java.util.Collections.nCopies(instrumentIds.size(), "?"));
            for (Object[] row : Jdbc.list(c, "SELECT instrument_id, AVG(rating), COUNT(*) FROM order_review WHERE instrument_id IN ("
                    + in + ") GROUP BY instrument_id", rs -> new Object[] {rs.getLong(1), rs.getDouble(2), rs.getInt(3)},
                    instrumentIds.toArray())) {
                out.put((Long) row[0], new Rating((Double) row[1], (Integer) row[2]));
            }
            return out;
        }
    }
}
