package cn.dayi.marketplace.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The one {@link Clock} (UTC); tests replace it to move time. Business dates show in {@link #SHANGHAI}. */
@Factory
public class ClockFactory {

    /** The zone pages and business dates use by default. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
