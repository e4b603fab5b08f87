package cn.dayi.marketplace.notification;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.mail.BilingualText.Lang;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A person's in-app inbox: their notifications, newest first, with the unread count; marking one or
 * all read. Only the owner of a notification sees or marks it (anyone else: 404
 * {@code NOTIFICATION_NOT_FOUND}).
 */
@Singleton
public class Inbox {

    /** The most a page holds. */
    public static final int MAX_SIZE = 100;

    /**
     * One notification in the reader's language.
     *
     * @param orderId   the order it is about, or null
     * @param event     past-tense event name (SUBMITTED, ACCEPTED, EXPIRED …)
     * @param link      a page of the platform (relative), or null
     * @param createdAt when (UTC)
     * @param read      whether the reader marked it read
     */
    @Serdeable
    public record Item(long id, Long orderId, String event, String subject, String body, String link, Instant createdAt,
                       boolean read) {
    }

    /**
     * A page of the inbox.
     *
     * @param unread how many of all the person's notifications are unread
     * @param total  how many match the filter
     * @param page   0-based
     */
    @Serdeable
    public record Page(long unread, long total, int page, int size, List<Item> items) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    Inbox(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A page of {@code personId}'s notifications; {@code size} 1–100 (default 20). 400 {@code VALIDATION_FAILED} otherwise. */
    public Page list(long personId, Lang lang, boolean unreadOnly, int page, int size) {
        if (page < 0 || page > 10_000) {
            throw new ApiException.ValidationFailed("page", "PAGE_OUT_OF_RANGE", "page is 0 to 10,000.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ApiException.ValidationFailed("size", "SIZE_OUT_OF_RANGE", "size is 1 to " + MAX_SIZE + ".");
        }
        String suffix = lang == Lang.EN ? "en" : "zh";
        String filter = unreadOnly ? " AND read_at IS NULL" : "";
        return jdbc.read(c -> {
            long unread = Jdbc.count(c, "SELECT COUNT(*) FROM notification WHERE person_id = ? AND read_at IS NULL", personId);
            long total = unreadOnly ? unread
                    : Jdbc.count(c, "SELECT COUNT(*) FROM notification WHERE person_id = ?", personId);
            List<Item> items = Jdbc.list(c, "SELECT id, order_id, event, subject_" + suffix + " AS subject, body_" + suffix
                    + " AS body, link, created_at, read_at FROM notification WHERE person_id = ?" + filter
                    + " ORDER BY id DESC LIMIT ? OFFSET ?", rs -> {
                        long order = rs.getLong("order_id");
                        Long orderId = rs.wasNull() ? null : order;
                        return new Item(rs.getLong("id"), orderId, rs.getString("event"), rs.getString("subject"),
                                rs.getString("body"), rs.getString("link"), Jdbc.instant(rs, "created_at"),
                                rs.getTimestamp("read_at") != null);
                    }, personId, size, page * size);
            return new Page(unread, total, page, size, items);
        });
    }

    /** How many of {@code personId}'s notifications are unread. */
    public long unread(long personId) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM notification WHERE person_id = ? AND read_at IS NULL",
                personId));
    }

    /** Marks one notification read (again: no change); 404 {@code NOTIFICATION_NOT_FOUND} if it is not the person's. */
    public void markRead(long personId, long id) {
        jdbc.write(c -> {
            long mine = Jdbc.count(c, "SELECT COUNT(*) FROM notification WHERE id = ? AND person_id = ?", id, personId);
            if (mine == 0) {
                throw new ApiException.NotFound("NOTIFICATION_NOT_FOUND", "You have no notification " + id + ".");
            }
            Jdbc.update(c, "UPDATE notification SET read_at = ? WHERE id = ? AND read_at IS NULL", clock.instant(), id);
            return null;
        });
    }

    /** Marks all the person's notifications read; returns how many were unread. */
    public int markAllRead(long personId) {
        return jdbc.write(c -> Jdbc.update(c, "UPDATE notification SET read_at = ? WHERE person_id = ? AND read_at IS NULL",
                clock.instant(), personId));
    }
}
