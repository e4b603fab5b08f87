package cn.dayi.operator.pages;

import cn.dayi.marketplace.entrustment.NewEntrustment;
import cn.dayi.marketplace.entrustment.RevenueShares;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The "propose an entrustment" form as posted (all text, so a bad value can be shown back as typed).
 * Instruments are codes or ids separated by commas, spaces or new lines; shares are basis points.
 */
@Serdeable
public record EntrustmentForm(@Nullable String ownerId, @Nullable String instruments, @Nullable String startsOn,
                              @Nullable String endsOn, @Nullable String scope, @Nullable String ownerBp,
                              @Nullable String fiscalFundBp, @Nullable String operatorBp, @Nullable String platformBp,
                              @Nullable String fiscalFunded, @Nullable String action) {

    /** A blank form with a sensible default split (owner 40 %, fiscal fund 10 %, operator 45 %, platform 5 %). */
    public static EntrustmentForm blank(LocalDate today) {
        return new EntrustmentForm("", "", today.toString(), today.plusYears(3).minusDays(1).toString(), "机时服务、送样检测、日常维护",
                "4000", "1000", "4500", "500", "on", "propose");
    }

    public boolean proposeNow() {
        return !"draft".equals(action);
    }

    /** The form as a command; 400 {@code INVALID_NUMBER} / {@code INVALID_DATE} naming the field. */
    public NewEntrustment toCommand() {
        return new NewEntrustment(number("ownerId", ownerId), codes(), date("startsOn", startsOn), date("endsOn", endsOn),
                scope == null || scope.isBlank() ? null : scope.strip(),
                new RevenueShares(bp("ownerBp", ownerBp), bp("fiscalFundBp", fiscalFundBp), bp("operatorBp", operatorBp),
                        bp("platformBp", platformBp)), fiscalFunded != null && !fiscalFunded.isBlank());
    }

    private List<String> codes() {
        return instruments == null ? List.of()
                : Arrays.stream(instruments.split("[\\s,，;；]+")).filter(s -> !s.isBlank()).toList();
    }

    private static Long number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new ApiException.ValidationFailed(field, "INVALID_NUMBER", "'" + text + "' is not a whole number.");
        }
    }

    private static int bp(String field, String text) {
        Long n = number(field, text);
        if (n == null) {
            return 0;
        }
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            throw new ApiException.ValidationFailed(field, "INVALID_NUMBER", "'" + text + "' is out of range.");
        }
        return n.intValue();
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException.ValidationFailed(field, "INVALID_DATE", "'" + text + "' is not a date (YYYY-MM-DD).");
        }
    }
}
