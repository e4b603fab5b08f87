package cn.dayi.marketplace.tariff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Pricing guidance (统一定价) of one national category: every buyer class's unit price must lie in
 * [floor, cap] × the tariff's cost basis.
 *
 * @param categoryCode 01..15
 * @param categoryName Chinese name, e.g. 分析仪器
 * @param floorBp      lowest price as a ratio to cost, bp (10,000 = at cost)
 * @param capBp        highest price as a ratio to cost, bp (30,000 = 3 × cost)
 * @param setBy        person id of the fiscal officer or admin who set it; null for the seeded placeholder
 * @param setAt        when (UTC)
 */
@Serdeable
public record GuidanceView(String categoryCode, String categoryName, int floorBp, int capBp, @Nullable Long setBy,
                           Instant setAt) {

    /** Whether nobody has set this band yet (the migration's placeholder). */
    public boolean placeholder() {
        return setBy == null;
    }
}
