package cn.dayi.marketplace.web;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * RFC 9457 problem details, served as {@code application/problem+json}.
 *
 * @param type   URI naming the problem kind ({@code urn:dayi:problem:<code>})
 * @param title  short summary of the status
 * @param status HTTP status
 * @param detail what went wrong, for a person
 * @param code   stable machine code, e.g. {@code INSTRUMENT_NOT_FOUND}
 * @param errors field-level problems, possibly empty
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, String code,
                      List<ApiException.FieldError> errors) {

    public static Problem of(int status, String title, String code, String detail, List<ApiException.FieldError> errors) {
        return new Problem("urn:dayi:problem:" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                title, status, detail, code, errors == null ? List.of() : errors);
    }
}
