package cn.dayi.ops.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SettlementPeriodTest {

    @Test
    void aPeriodIsTheCalendarMonthInShanghai() {
        SettlementPeriod october = SettlementPeriod.parse("2026-10");
        assertEquals(Instant.parse("2026-09-30T16:00:00Z"), october.start());
        assertEquals(Instant.parse("2026-10-31T16:00:00Z"), october.end());
        assertEquals("2026-10", october.toString());
    }

    @Test
    void theMonthlyJobSettlesTheMonthBeforeItsFireTimeInShanghai() {
        // 1 November 02:00 in Shanghai is still 31 October in UTC: the period is October, not September
        assertEquals("2026-10", SettlementPeriod.monthBefore(Instant.parse("2026-10-31T18:00:00Z")).toString());
        // 1 January 02:00 → December of the year before
        assertEquals("2026-12", SettlementPeriod.monthBefore(Instant.parse("2026-12-31T18:00:00Z")).toString());
    }

    @Test
    void onlyAClosedPeriodIsOver() {
        SettlementPeriod october = SettlementPeriod.parse("2026-10");
        assertFalse(october.isClosedAt(Instant.parse("2026-10-31T15:59:59Z")));
        assertTrue(october.isClosedAt(Instant.parse("2026-10-31T16:00:00Z")));
    }

    @Test
    void aBadPeriodSaysWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SettlementPeriod.parse("10/2026"));
        assertTrue(e.getMessage().contains("YYYY-MM"), e.getMessage());
    }
}
