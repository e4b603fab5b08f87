package cn.dayi.marketplace.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The stable public instrument code: {@code DY} + 10 characters of Crockford base32
 * (no I, L, O, U) of SHA-256(source + '|' + sourceId). The same import key always gives the same
 * code, so codes survive re-imports, reindexing and database rebuilds. 50 bits: collisions are
 * caught by the UNIQUE constraint on {@code instrument.code}.
 */
public final class InstrumentCode {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private InstrumentCode() {
    }

    public static String of(String source, String sourceId) {
        byte[] h = sha256(source + "|" + sourceId);
        StringBuilder sb = new StringBuilder("DY");
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = (bits << 8) | (h[i] & 0xff);
        }
        // 56 bits available, take the top 50 as 10 base32 digits
        bits >>>= 6;
        char[] digits = new char[10];
        for (int i = 9; i >= 0; i--) {
            digits[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return sb.append(digits).toString();
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
