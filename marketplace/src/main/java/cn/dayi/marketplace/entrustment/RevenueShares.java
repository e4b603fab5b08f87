package cn.dayi.marketplace.entrustment;

import cn.dayi.marketplace.web.ApiException;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;

/**
 * How instrument-use revenue (time, rental) of entrusted instruments is split, in basis points
 * (1 bp = 0.01 %; the four always sum to 10,000). Service fees and consumables are not split: they
 * are the operator's (Shenzhen proposal §六(二), fig. 6-4). The fiscal fund's share is only for
 * instruments bought with fiscal funds.
 */
@Serdeable
public record RevenueShares(int ownerBp, int fiscalFundBp, int operatorBp, int platformBp) {

    public static final int WHOLE = 10_000;

    public int sum() {
        return ownerBp + fiscalFundBp + operatorBp + platformBp;
    }

    /**
     * @throws ApiException.ValidationFailed {@code SPLIT_NOT_10000}, {@code NEGATIVE_SHARE},
     *                                       {@code FISCAL_SHARE_WITHOUT_FISCAL_FUNDING}
     */
    public void validate(boolean fiscalFunded) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        record Named(String field, int bp) {
        }
        for (Named n : List.of(new Named("ownerBp", ownerBp), new Named("fiscalFundBp", fiscalFundBp),
                new Named("operatorBp", operatorBp), new Named("platformBp", platformBp))) {
            if (n.bp() < 0) {
                errors.add(new ApiException.FieldError("shares." + n.field(), "NEGATIVE_SHARE",
                        "A share cannot be negative; " + n.field() + " is " + n.bp() + " bp."));
            }
        }
        if (sum() != WHOLE) {
            errors.add(new ApiException.FieldError("shares", "SPLIT_NOT_10000", "The four shares must add up to 10,000 bp "
                    + "(100 %); these add up to " + sum() + " bp (" + percent(sum()) + ")."));
        }
        if (!fiscalFunded && fiscalFundBp > 0) {
            errors.add(new ApiException.FieldError("shares.fiscalFundBp", "FISCAL_SHARE_WITHOUT_FISCAL_FUNDING",
                    "Only instruments bought with fiscal funds return a share to the fiscal fund; set it to 0 or mark the "
                            + "entrustment as fiscal-funded."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.ValidationFailed.of(errors);
        }
    }

    private static String percent(int bp) {
        return String.format(java.util.Locale.ROOT, "%.2f %%", bp / 100.0);
    }
}
