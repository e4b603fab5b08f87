package cn.dayi.marketplace.catalogue.web.pages;

import cn.dayi.marketplace.web.ApiException.FieldError;
import java.util.List;

/**
 * Invalid search parameters as sentences in the page language: {@code error.param.<field>.<code>},
 * else {@code error.param.<code>} with the field's name ({@code param.<field>}) as {@code {0}},
 * else the API's English message.
 */
final class ErrorMessages {

    private ErrorMessages() {
    }

    static List<String> of(List<FieldError> errors, PageText text) {
        return errors.stream().map(e -> {
            String field = text.find("param." + e.field()).orElse(e.field());
            return text.find("error.param." + e.field() + "." + e.code(), field)
                    .or(() -> text.find("error.param." + e.code(), field))
                    .orElse(e.message());
        }).distinct().toList();
    }
}
