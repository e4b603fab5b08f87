package cn.dayi.marketplace.voucher;

import cn.dayi.marketplace.db.Jdbc;
import jakarta.inject.Singleton;
import java.time.LocalDate;

/**
 * Daily voucher expiry: grants whose validity (or whose programme's) ended before today lose the
 * quota nobody holds ({@code expired_fen} = quota − held − captured, state EXPIRED). Amounts still
 * held on open orders stay held: they are captured when the order completes, or lapse (move to
 * expired) when it is cancelled. One UPDATE, so running it twice, or on two nodes, changes nothing
 * the second time.
 *
 * <p>{@link #expireDue(LocalDate)} is the use case; the {@code voucher-expiry} Quartz job of the {@code ops}
 * module calls it daily at 00:10 Asia/Shanghai.
 */
@Singleton
public class VoucherExpiry {

    private final Jdbc jdbc;
    VoucherExpiry(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Expires every ACTIVE grant whose last valid day is before {@code today} (Asia/Shanghai); returns how many. */
    public int expireDue(LocalDate today) {
        return jdbc.write(c -> Jdbc.update(c, """
                UPDATE voucher_grant g JOIN voucher_programme p ON p.id = g.programme_id
                SET g.expired_fen = g.quota_fen - g.held_fen - g.captured_fen, g.state = 'EXPIRED',
                    g.updated_at = CURRENT_TIMESTAMP(3)
                WHERE g.state = 'ACTIVE' AND (g.valid_until < ? OR p.valid_until < ?)""", today, today));
    }
}
