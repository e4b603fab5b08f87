package cn.dayi.marketplace.web;

import cn.dayi.marketplace.importing.ImportRejectedException;
import cn.dayi.pricing.PricingException;
import cn.dayi.search.api.SearchUnavailableException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP answers: problem JSON with a stable code, never a
 * stack trace. Unexpected exceptions are logged with an id the answer repeats.
 */
@Factory
public class ProblemHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

    public static MutableHttpResponse<Problem> respond(HttpStatus status, String code, String detail,
                                                List<ApiException.FieldError> errors) {
        return HttpResponse.<Problem>status(status)
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                .body(Problem.of(status.getCode(), status.getReason(), code, detail, errors));
    }

    @Singleton
    ExceptionHandler<ApiException, HttpResponse<Problem>> apiException() {
        return (request, e) -> {
            MutableHttpResponse<Problem> response = respond(e.status(), e.code(), e.getMessage(), e.errors());
            if (e instanceof ApiException.TooManyRequests t) {
                response.header(io.micronaut.http.HttpHeaders.RETRY_AFTER, Long.toString(t.retryAfterSeconds()));
            }
            return response;
        };
    }

    @Singleton
    ExceptionHandler<SearchUnavailableException, HttpResponse<Problem>> searchUnavailable() {
        return (request, e) -> {
            LOG.warn("search unavailable: {}", e.getMessage());
            return respond(HttpStatus.SERVICE_UNAVAILABLE, "SEARCH_UNAVAILABLE",
                    "Search is temporarily unavailable. Instrument pages and the rest of the platform still work; "
                            + "please try searching again in a minute.", List.of());
        };
    }

    /**
     * Pricing rules: 400 with the {@link PricingException.Code} name as {@code code} and the offending
     * input in {@code errors[]}; 422 for {@code TARIFF_OUTSIDE_GUIDANCE} and {@code MARKUP_ORDER}
     * (well-formed, but against the pricing rules).
     */
    @Singleton
    ExceptionHandler<PricingException, HttpResponse<Problem>> pricing() {
        return (request, e) -> {
            HttpStatus status = switch (e.code()) {
                case TARIFF_OUTSIDE_GUIDANCE, MARKUP_ORDER -> HttpStatus.UNPROCESSABLE_ENTITY;
                default -> HttpStatus.BAD_REQUEST;
            };
            String code = e.code().name();
            return respond(status, code, e.getMessage(), e.field()
                    .map(f -> List.of(new ApiException.FieldError(f, code, e.getMessage()))).orElse(List.of()));
        };
    }

    @Singleton
    ExceptionHandler<ImportRejectedException, HttpResponse<Problem>> importRejected() {
        return (request, e) -> respond(HttpStatus.BAD_REQUEST, e.code(), e.getMessage(), List.of());
    }

    @Singleton
    ExceptionHandler<IllegalArgumentException, HttpResponse<Problem>> illegalArgument() {
        return (request, e) -> respond(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage(), List.of());
    }

    @Singleton
    ExceptionHandler<ConversionErrorException, HttpResponse<Problem>> conversion() {
        return (request, e) -> {
            String field = e.getArgument().getName();
            String msg = "Parameter '" + field + "' has an invalid value"
                    + e.getConversionError().getOriginalValue().map(v -> " '" + v + "'").orElse("") + ".";
            return respond(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", msg,
                    List.of(new ApiException.FieldError(field, "INVALID_PARAMETER", msg)));
        };
    }

    @Singleton
    ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> constraintViolation() {
        return (request, e) -> {
            List<ApiException.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> {
                        String path = v.getPropertyPath().toString();
                        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
                        return new ApiException.FieldError(field, "INVALID_PARAMETER", field + " " + v.getMessage());
                    })
                    .toList();
            return respond(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "Some parameters are invalid: " + String.join("; ", errors.stream().map(ApiException.FieldError::message).toList()),
                    errors);
        };
    }

    /**
     * Framework errors that do not pass through an exception handler (no route: 404, wrong
     * method: 405, unsupported media type: 415, an exception without a handler: 500) also answer
     * in problem JSON.
     */
    @Singleton
    @Replaces(ErrorResponseProcessor.class)
    ErrorResponseProcessor<Problem> errorResponseProcessor() {
        return new ErrorResponseProcessor<>() {
            @Override
            public MutableHttpResponse<Problem> processResponse(ErrorContext ctx, MutableHttpResponse<?> response) {
                HttpStatus status = response.getStatus();
                String code = switch (status.getCode()) {
                    case 401 -> "UNAUTHORIZED";
                    case 403 -> "FORBIDDEN";
                    case 404 -> "NOT_FOUND";
                    case 405 -> "METHOD_NOT_ALLOWED";
                    case 415 -> "UNSUPPORTED_MEDIA_TYPE";
                    case 413 -> "PAYLOAD_TOO_LARGE";
                    case 400 -> "BAD_REQUEST";
                    default -> status.getCode() >= 500 ? "INTERNAL_ERROR" : "REQUEST_FAILED";
                };
                String detail = status.getCode() == 401
                        ? "Please sign in: this needs an account (Authorization: Bearer <token>, or the session cookie of the sign-in page)."
                        : status.getCode() == 403
                        ? "Your account may not do this."
                        : status.getCode() >= 500
                        ? "Something went wrong on our side (reference " + reference(ctx) + "). Please try again."
                        : ctx.getErrors().stream().findFirst().map(e -> e.getMessage()).orElse(status.getReason());
                return response.contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                        .body(Problem.of(status.getCode(), status.getReason(), code, detail, List.of()));
            }
        };
    }

    private static String reference(ErrorContext ctx) {
        String ref = Long.toString(System.nanoTime() & 0xffffffffL, 36);
        ctx.getRootCause().ifPresent(t -> LOG.error("unexpected error, reference {} on {} {}", ref,
                ctx.getRequest().getMethod(), ctx.getRequest().getPath(), t));
        return ref;
    }
}
