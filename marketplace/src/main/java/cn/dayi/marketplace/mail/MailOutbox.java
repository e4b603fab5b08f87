package cn.dayi.marketplace.mail;

import cn.dayi.marketplace.db.Jdbc;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail outbox ({@code mail_outbox}). {@link #enqueue} writes a row on the caller's connection, so
 * the mail commits or rolls back with the change it tells of; {@link #deliverDue} sends what is due.
 *
 * <p><b>Delivery.</b> A row is due when {@code next_attempt_at <= now} and it is neither sent nor
 * given up. A sender leases a row by moving {@code next_attempt_at} forward by {@link #LEASE} under
 * the old value (one UPDATE; only one node wins), sends it outside any transaction, then marks it
 * sent, or counts the failure and retries after 1, 2, 4 … minutes (at most {@link #MAX_BACKOFF}), and
 * gives up after {@link #MAX_ATTEMPTS} attempts (the row stays with {@code failed_at} and the last
 * error). A node that dies mid-send leaves its lease to lapse, and the row is sent again: delivery is
 * at least once.
 */
@Singleton
public class MailOutbox {

    /** How many attempts before a mail is given up. */
    public static final int MAX_ATTEMPTS = 8;
    /** How long a sender holds a row it is sending. */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    static final Duration MAX_BACKOFF = Duration.ofHours(2);
    private static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

    private final Jdbc jdbc;
    private final MailSettings settings;
    private final SmtpMailer mailer;
    private final Clock clock;

    MailOutbox(Jdbc jdbc, MailSettings settings, SmtpMailer mailer, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Whether mail goes out at all (an SMTP host is configured). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** The platform's address for links in mails (no trailing slash). */
    public String baseUrl() {
        return settings.baseUrl();
    }

    /**
     * Queues {@code mail} on {@code c} (the caller's transaction), due at once. Does nothing when mail is
     * off, or when a mail with the same dedupe key was queued before.
     */
    public void enqueue(Connection c, Mail mail) throws SQLException {
        if (!settings.enabled() || mail.recipient() == null || mail.recipient().isBlank()) {
            return;
        }
        Instant now = clock.instant();
        Jdbc.update(c, """
                INSERT IGNORE INTO mail_outbox (dedupe_key, recipient, subject, body, ics, ics_method, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", mail.dedupeKey(), mail.recipient().strip(), cut(mail.subject(), 500),
                mail.body(), mail.ics(), mail.icsMethod(), now, now);
    }

    /**
     * Sends every mail due at {@code now} (up to 50 per call), one at a time; returns how many were sent.
     * The whole body of the background sender, so a scheduler (Micronaut {@code @Scheduled} today, a
     * Quartz job later) only calls this. Safe to run on several nodes at once.
     */
    public int deliverDue(Instant now) {
        if (!settings.enabled()) {
            return 0;
        }
        record Due(long id, Instant nextAttemptAt) {
        }
        List<Due> due = jdbc.read(c -> Jdbc.list(c, """
                SELECT id, next_attempt_at FROM mail_outbox
                WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT ?""", rs -> new Due(rs.getLong(1), Jdbc.instant(rs, "next_attempt_at")),
                now, BATCH));
        int sent = 0;
        for (Due d : due) {
            boolean leased = jdbc.read(c -> Jdbc.update(c, """
                    UPDATE mail_outbox SET next_attempt_at = ?
                    WHERE id = ? AND next_attempt_at = ? AND sent_at IS NULL AND failed_at IS NULL""",
                    now.plus(LEASE), d.id(), d.nextAttemptAt()) == 1);
            if (!leased) {
                continue; // another node is sending it
            }
            Row row = jdbc.read(c -> Jdbc.one(c, "SELECT recipient, subject, body, ics, ics_method, attempts FROM mail_outbox "
                    + "WHERE id = ?", rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getInt(6)), d.id())).orElseThrow();
            try {
                mailer.send(row.recipient(), row.subject(), row.body(), row.ics(), row.icsMethod(), "dayi-" + d.id());
                jdbc.read(c -> Jdbc.update(c, "UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL "
                        + "WHERE id = ?", now, d.id()));
                sent++;
            } catch (Exception e) {
                int attempts = row.attempts() + 1;
                String error = cut(e.getClass().getSimpleName() + ": " + e.getMessage(), 1000);
                if (attempts >= MAX_ATTEMPTS) {
                    LOG.error("Gave up mail {} to {} after {} attempts: {}", d.id(), row.recipient(), attempts, error);
                    jdbc.read(c -> Jdbc.update(c, "UPDATE mail_outbox SET attempts = ?, last_error = ?, failed_at = ? "
                            + "WHERE id = ?", attempts, error, now, d.id()));
                } else {
                    Instant next = now.plus(backoff(attempts));
                    LOG.warn("Mail {} to {} failed (attempt {}), next try at {}: {}", d.id(), row.recipient(), attempts,
                            next, error);
                    jdbc.read(c -> Jdbc.update(c, "UPDATE mail_outbox SET attempts = ?, last_error = ?, next_attempt_at = ? "
                            + "WHERE id = ?", attempts, error, next, d.id()));
                }
            }
        }
        return sent;
    }

    /** The wait after the {@code attempts}-th failure: 1 min, 2 min, 4 min …, at most 2 h. */
    static Duration backoff(int attempts) {
        int shift = Math.min(Math.max(attempts - 1, 0), 20);
        Duration d = FIRST_BACKOFF.multipliedBy(1L << shift);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private record Row(String recipient, String subject, String body, String ics, String icsMethod, int attempts) {
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
