package cn.dayi.marketplace.web;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * The error hierarchy of the API: a stable machine {@code code}, an HTTP status and a message a
 * person understands. Mapped to RFC 9457 problem JSON in one place ({@link ProblemHandlers}).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldError> errors;

    protected ApiException(HttpStatus status, String code, String message, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One invalid input field. */
    @io.micronaut.serde.annotation.Serdeable
    public record FieldError(String field, String code, String message) {
    }

    /** 404: the thing asked for does not exist. */
    public static final class NotFound extends ApiException {
        public NotFound(String code, String message) {
            super(HttpStatus.NOT_FOUND, code, message, List.of());
        }
    }

    /** 400: the request itself is wrong; {@code errors} names the fields. */
    public static final class ValidationFailed extends ApiException {
        public ValidationFailed(String message, List<FieldError> errors) {
            super(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", message, errors);
        }

        public ValidationFailed(String field, String code, String message) {
            super(HttpStatus.BAD_REQUEST, code, message, List.of(new FieldError(field, code, message)));
        }

        /** The fields' problems; the problem's code is the field's code when there is one problem, else VALIDATION_FAILED. */
        public static ValidationFailed of(List<FieldError> errors) {
            if (errors.size() == 1) {
                FieldError e = errors.get(0);
                return new ValidationFailed(e.field(), e.code(), e.message());
            }
            return new ValidationFailed(String.join(" ", errors.stream().map(FieldError::message).toList()), errors);
        }
    }

    /** 409 or 422: the request is well-formed but breaks a business rule. */
    public static final class RuleViolation extends ApiException {
        public RuleViolation(HttpStatus status, String code, String message) {
            super(status, code, message, List.of());
        }
    }

    /** 401: not signed in, or the credentials are wrong. */
    public static final class Unauthorized extends ApiException {
        public Unauthorized(String code, String message) {
            super(HttpStatus.UNAUTHORIZED, code, message, List.of());
        }
    }

    /** 403: signed in, but this person may not do this (wrong role or another organisation's data). */
    public static final class Forbidden extends ApiException {
        public Forbidden(String code, String message) {
            super(HttpStatus.FORBIDDEN, code, message, List.of());
        }
    }

    /** 429: too many attempts; {@code retryAfterSeconds} says when to try again. */
    public static final class TooManyRequests extends ApiException {
        private final long retryAfterSeconds;

        public TooManyRequests(String code, String message, long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, code, message, List.of());
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** 503: a service the request needs is down; the rest of the platform keeps working. */
    public static final class Unavailable extends ApiException {
        public Unavailable(String code, String message) {
            super(HttpStatus.SERVICE_UNAVAILABLE, code, message, List.of());
        }
    }
}
