package cn.dayi.marketplace.importing.dayicsv;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * The {@code purchase_date} column: {@code yyyy-MM-dd}, also {@code yyyy/M/d}, {@code yyyy-M-d},
 * {@code yyyy.M.d} and {@code yyyy年M月d日}; impossible dates (2023-02-30) are refused. Code
 * {@code BAD_DATE}.
 */
final class Dates {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            "uuuu-MM-dd", "uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuu年M月d日").stream()
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT))
            .toList();

    private Dates() {
    }

    static LocalDate parse(String text) throws BadValue {
        String t = text.strip();
        for (DateTimeFormatter f : FORMATS) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        throw new BadValue("BAD_DATE", "'" + t + "' is not a date: write yyyy-MM-dd (e.g. 2019-06-18) or yyyy/M/d.");
    }
}
