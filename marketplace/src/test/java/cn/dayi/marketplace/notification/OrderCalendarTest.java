package cn.dayi.marketplace.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderCalendarTest {

    private static final OrderFacts ORDER = new OrderFacts(42, "MACHINE_TIME", "CONFIRMED", 7, "DY-TEM-01", "透射电子显微镜",
            "Transmission electron microscope", "深圳市南山区科技园", 3, "深圳测试服务机构", 5, "深圳需求企业", 9,
            Instant.parse("2026-12-01T01:00:00Z"), Instant.parse("2026-12-01T02:30:00Z"));

    @Test
    void submittedAndConfirmedAreRequestsAndGivenBackTimeIsACancel() {
        assertEquals(Optional.of("REQUEST"), OrderCalendar.methodFor("SUBMITTED"));
        assertEquals(Optional.of("REQUEST"), OrderCalendar.methodFor("CONFIRMED"));
        assertEquals(Optional.of("CANCEL"), OrderCalendar.methodFor("CANCELLED"));
        assertEquals(Optional.of("CANCEL"), OrderCalendar.methodFor("REJECTED"));
        assertEquals(Optional.of("CANCEL"), OrderCalendar.methodFor("EXPIRED"));
        assertEquals(Optional.empty(), OrderCalendar.methodFor("IN_SERVICE"));
        assertEquals(Optional.empty(), OrderCalendar.methodFor("A_STATE_ADDED_LATER"));
    }

    @Test
    void theEntryHasAStableUidTheWindowInUtcAndWhereItIs() {
        String ics = OrderCalendar.write(ORDER, "机时预约 #42", "详情", "REQUEST", 3, Instant.parse("2026-11-28T00:00:00Z"),
                "noreply@dayi.test").replace("\r\n ", "");
        assertTrue(ics.contains("METHOD:REQUEST"), ics);
        assertTrue(ics.contains("UID:order-42@dayi"), ics);
        assertTrue(ics.contains("DTSTART:20261201T010000Z"), ics);
        assertTrue(ics.contains("DTEND:20261201T023000Z"), ics);
        assertTrue(ics.contains("SEQUENCE:3"), ics);
        assertTrue(ics.contains("STATUS:CONFIRMED"), ics);
        assertTrue(ics.contains("LOCATION:透射电子显微镜 (DY-TEM-01) · 深圳测试服务机构 · 深圳市南山区科技园"), ics);
        String cancel = OrderCalendar.write(ORDER, "s", "d", "CANCEL", 4, Instant.parse("2026-11-28T00:00:00Z"), null);
        assertTrue(cancel.contains("METHOD:CANCEL") && cancel.contains("STATUS:CANCELLED")
                && cancel.contains("UID:order-42@dayi"), cancel);
    }
}
