package cn.dayi.operator;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The operator and owner API's OpenAPI document, served at {@code /swagger/dayi-operator-api-1.yml}. */
@OpenAPIDefinition(info = @Info(title = "Dayi operator API", version = "1",
        description = "Operator- and owner-facing API: fleet, entrustments (托管协议), tariffs. Bearer token from "
                + "POST /api/v1/auth/token; errors are RFC 9457 problem JSON with a stable code."))
final class OperatorApiDefinition {

    private OperatorApiDefinition() {
    }
}
