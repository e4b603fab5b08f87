package cn.dayi.marketplace.booking.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.booking.BookingMode;
import cn.dayi.marketplace.booking.OrderState;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.catalogue.web.pages.BundleMessageSource;
import cn.dayi.marketplace.catalogue.web.pages.Language;
import cn.dayi.marketplace.catalogue.web.pages.PageText;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order as the pages show it, for both kinds: a testing order has no slot, no mode and no tariff quote. */
class OrderViewTest {

    private static final PageText ZH = new PageText(new BundleMessageSource(), Language.ZH);
    private static final Instant NINE = Instant.parse("2026-12-01T01:00:00Z"); // 09:00 in Shanghai

    private static ServiceOrder order(String kind, OrderState state, BookingMode mode, Instant start, Instant end) {
        ServiceOrder.Ref ref = new ServiceOrder.Ref(7, "DY0000007", "X射线衍射仪");
        return new ServiceOrder(41, kind, state, mode, ref, new ServiceOrder.Ref(3, null, "检测中心"),
                new ServiceOrder.Ref(5, null, "需求企业"), new ServiceOrder.Ref(9, null, "刘工"), start, end, null, null,
                280_050, "CNY", null, null, null, null, List.of(), 0);
    }

    @Test
    void aTestingOrderWithoutSlotModeOrQuoteIsShownWithoutThem() {
        OrderView v = OrderView.of(order("TESTING", OrderState.SUBMITTED, null, null, null), ZH);
        assertTrue(v.testing());
        assertNull(v.when());
        assertNull(v.weekOf());
        assertNull(v.mode());
        assertEquals(List.of(), v.lines());
        assertEquals("2,800.50 元", v.total());
        assertEquals("/orders/41", v.href());
    }

    @Test
    void aMachineTimeOrderKeepsItsWindowAndMode() {
        OrderView v = OrderView.of(order("MACHINE_TIME", OrderState.CONFIRMED, BookingMode.STAFF_OPERATED, NINE,
                NINE.plusSeconds(5400)), ZH);
        assertEquals("2026-12-01 09:00–10:30", v.when());
        assertEquals("2026-12-01", v.weekOf());
        assertEquals("STAFF_OPERATED", v.mode());
        assertTrue(!v.testing());
    }

    @Test
    void theOperatorIsOfferedOnlyTheCommandsOfTheOrdersKind() {
        assertEquals(List.of("receive-samples"),
                OrderView.operatorActions(order("TESTING", OrderState.CONFIRMED, null, null, null)));
        assertEquals(List.of("check-in", "no-show"), OrderView.operatorActions(order("MACHINE_TIME",
                OrderState.CONFIRMED, BookingMode.STAFF_OPERATED, NINE, NINE.plusSeconds(3600))));
        assertEquals(List.of("accept", "reject", "quote"),
                OrderView.operatorActions(order("TESTING", OrderState.SUBMITTED, null, null, null)));
        assertEquals(List.of("accept", "reject"), OrderView.operatorActions(order("MACHINE_TIME", OrderState.SUBMITTED,
                BookingMode.STAFF_OPERATED, NINE, NINE.plusSeconds(3600))));
    }
}
