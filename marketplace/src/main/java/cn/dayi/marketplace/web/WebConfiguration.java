package cn.dayi.marketplace.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * The OpenAPI description of the API (served at {@code /swagger/dayi-api-1.yml}). Messages come
 * from {@code i18n/messages*.properties} through
 * {@link cn.dayi.marketplace.catalogue.web.pages.BundleMessageSource} (zh-CN default, English beside it).
 */
@OpenAPIDefinition(info = @Info(title = "Dayi API", version = "1",
        description = "Dayi (大仪): marketplace for large scientific instruments. Money in fen (CNY minor units); "
                + "errors are RFC 9457 problem JSON with a stable code."))
public final class WebConfiguration {

    private WebConfiguration() {
    }
}
