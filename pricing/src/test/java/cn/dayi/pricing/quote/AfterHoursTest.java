package cn.dayi.pricing.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AfterHoursTest {

    @ParameterizedTest(name = "{0}: {3} min after hours")
    @CsvSource(delimiter = '|', value = {
        "inside the working day      | 2025-03-05T09:00+08:00 | 2025-03-05T17:00+08:00 | 0",
        "early start                 | 2025-03-05T08:00+08:00 | 2025-03-05T09:00+08:00 | 30",
        "late finish                 | 2025-03-05T17:00+08:00 | 2025-03-05T19:00+08:00 | 90",
        "afternoon into evening      | 2025-03-05T16:30+08:00 | 2025-03-05T20:30+08:00 | 180",
        "a whole weekday             | 2025-03-05T00:00+08:00 | 2025-03-06T00:00+08:00 | 900",
        "Saturday morning            | 2025-03-08T10:00+08:00 | 2025-03-08T12:00+08:00 | 120",
        "Friday evening to Monday    | 2025-03-07T17:00+08:00 | 2025-03-10T09:00+08:00 | 3780",
        "given in UTC, 09:00 Beijing | 2025-03-05T01:00Z      | 2025-03-05T02:00Z      | 0",
        "given in UTC, 18:00 Beijing | 2025-03-05T10:00Z      | 2025-03-05T11:00Z      | 60"})
    void countsTimeOutside0830To1730WeekdaysInShanghai(String name, String start, String end, long minutes) {
        BookingWindow window = new BookingWindow(ZonedDateTime.parse(start), ZonedDateTime.parse(end));
        assertEquals(Duration.ofMinutes(minutes), AfterHours.within(window));
    }
}
