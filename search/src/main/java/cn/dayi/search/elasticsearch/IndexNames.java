package cn.dayi.search.elasticsearch;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the instrument index: the alias {@code <prefix>-instruments} that readers and writers
 * use, and the versioned indices {@code <prefix>-instruments-v<n>} behind it. The prefix comes
 * from {@code dayi.search.index-prefix} (default {@code dayi}); it must be lower case letters,
 * digits, {@code -} or {@code _}, as Elasticsearch requires of index names.
 */
@Singleton
final class IndexNames {

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,100}");

    private final String alias;
    private final Pattern versioned;

    IndexNames(@Value("${dayi.search.index-prefix:dayi}") String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("dayi.search.index-prefix must be lower case letters, digits,"
                    + " '-' or '_' (starting with a letter or digit), got: " + prefix);
        }
        this.alias = prefix + "-instruments";
        this.versioned = Pattern.compile(Pattern.quote(alias) + "-v(\\d{1,18})");
    }

    /** The alias every search and write goes through. */
    String alias() {
        return alias;
    }

    /** The name of version {@code n}. */
    String version(long n) {
        return alias + "-v" + n;
    }

    /** Wildcard over all versions, for listing them. */
    String allVersions() {
        return alias + "-v*";
    }

    /** The version number of a versioned index name, or empty for any other name. */
    OptionalLong versionOf(String index) {
        Matcher m = versioned.matcher(index);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
