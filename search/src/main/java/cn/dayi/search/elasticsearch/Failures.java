package cn.dayi.search.elasticsearch;

import cn.dayi.search.api.SearchUnavailableException;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;

/** Turns client failures into {@link SearchUnavailableException}s with a readable message. */
final class Failures {

    private Failures() {
    }

    /** Something that talks to Elasticsearch. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code call}; transport and I/O failures and error answers from Elasticsearch become a
     * {@link SearchUnavailableException} saying what was being done.
     *
     * @param doing e.g. {@code "searching dayi-instruments"}
     */
    static <T> T call(String doing, Call<T> call) {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            throw new SearchUnavailableException("Elasticsearch refused " + doing + ": HTTP " + e.status()
                    + " " + describe(e.error()), e);
        } catch (TransportException e) {
            throw new SearchUnavailableException("Elasticsearch failed while " + doing + ": HTTP "
                    + e.statusCode() + " " + e.getMessage(), e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SearchUnavailableException("Elasticsearch is unreachable while " + doing + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    /** Type and reason of an error, with its root cause when that says more. */
    static String describe(ErrorCause error) {
        if (error == null) {
            return "(no details)";
        }
        StringBuilder sb = new StringBuilder().append(error.type()).append(": ").append(error.reason());
        if (!error.rootCause().isEmpty()) {
            ErrorCause root = error.rootCause().get(0);
            if (root.reason() != null && !root.reason().equals(error.reason())) {
                sb.append(" (").append(root.type()).append(": ").append(root.reason()).append(')');
            }
        }
        return sb.toString();
    }

    /** True for an Elasticsearch answer with this error type, e.g. {@code index_not_found_exception}. */
    static boolean isErrorType(Throwable e, String type) {
        return e instanceof ElasticsearchException ee && ee.error() != null && type.equals(ee.error().type());
    }
}
