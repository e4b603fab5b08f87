package cn.dayi.pricing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FenRoundingTest {

    @ParameterizedTest(name = "{0} fen rounds to {1}")
    @CsvSource({"0.5, 1", "2.5, 3", "2.4999, 2", "27142.857142, 27143", "212.5, 213", "7, 7"})
    void roundsHalfUp(String exact, long expected) {
        assertEquals(expected, FenRounding.toFen(new BigDecimal(exact)));
    }

    @Test
    void amountBeyondALongIsRejectedWithACode() {
        PricingException e = assertThrows(PricingException.class,
                () -> FenRounding.toFen(new BigDecimal("1e30")));
        assertEquals(PricingException.Code.AMOUNT_TOO_LARGE, e.code());
    }

    @Test
    void allocationGivesLeftoverFenToLargestRemaindersThenToTheFirstListed() {
        // 100 fen by 1/3 each: remainders equal, the first listed gets the extra fen
        assertArrayEquals(new long[] {34, 33, 33}, FenRounding.allocate(100, List.of(1L, 1L, 1L)));
        // 10 fen by 15/85 %: exact 1.5 and 8.5, tie → first
        assertArrayEquals(new long[] {2, 8}, FenRounding.allocate(10, List.of(1500L, 8500L)));
        // 10 fen by 14/86 %: exact 1.4 and 8.6 → the larger remainder wins
        assertArrayEquals(new long[] {1, 9}, FenRounding.allocate(10, List.of(1400L, 8600L)));
    }

    @ParameterizedTest(name = "{0} fen shows as {1}")
    @CsvSource(delimiter = '|', value = {"81429|814.29", "90000|900.00", "5|0.05", "123456789|1,234,567.89", "-150|-1.50"})
    void yuanFormatting(long fen, String shown) {
        assertEquals(shown, Yuan.format(fen));
    }
}
