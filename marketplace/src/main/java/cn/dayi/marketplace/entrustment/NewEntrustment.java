package cn.dayi.marketplace.entrustment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * What an operator manager proposes: the owner, the instruments (ids or public codes, all owned
 * by that owner), the term (dates, Asia/Shanghai, inclusive), the scope in words, the revenue
 * split and whether the instruments were bought with fiscal funds.
 */
@Serdeable
public record NewEntrustment(@Nullable Long ownerId, @Nullable List<String> instruments, @Nullable LocalDate startsOn,
                             @Nullable LocalDate endsOn, @Nullable String scope, @Nullable RevenueShares shares,
                             boolean fiscalFunded) {
}
