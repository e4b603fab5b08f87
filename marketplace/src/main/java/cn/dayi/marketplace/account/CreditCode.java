package cn.dayi.marketplace.account;

import cn.dayi.marketplace.web.ApiException;
import java.util.Locale;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from the 31-
 * character alphabet {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z); the 18th is a check
 * character: {@code 31 − (Σ value(cᵢ) × 3ⁱ⁻¹ mod 31) mod 31}, i.e. weights 1, 3, 9, 27, 19, 26, 16,
 * 17, 20, 29, 25, 13, 8, 24, 10, 30, 28.
 */
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /**
     * The code in canonical form (trimmed, upper case).
     *
     * @throws ApiException.ValidationFailed {@code CREDIT_CODE_INVALID} saying what is wrong: the
     *                                       length, a character outside the alphabet (and where), or
     *                                       the check character (and which one it should be)
     */
    public static String validate(String field, String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (c.length() != 18) {
            throw invalid(field, "A unified social credit code has 18 characters; '" + c + "' has " + c.length() + ".");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(c.charAt(i)) < 0) {
                throw invalid(field, "Character " + (i + 1) + " ('" + c.charAt(i) + "') cannot appear in a unified "
                        + "social credit code (no I, O, S, V or Z).");
            }
        }
        char expected = checkCharacter(c.substring(0, 17));
        if (c.charAt(17) != expected) {
            throw invalid(field, "The check character of " + c + " does not match (GB 32100-2015 gives '" + expected
                    + "'): please check the code for a typing error.");
        }
        return c;
    }

    /** The check character for the first 17 characters. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static ApiException.ValidationFailed invalid(String field, String message) {
        return new ApiException.ValidationFailed(field, "CREDIT_CODE_INVALID", message);
    }
}
