package cn.dayi.app.cli;

import cn.dayi.app.local.LocalServices;
import cn.dayi.marketplace.searchsync.SearchReindexer;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code dayi reindex}: the repair path — rebuild the search index from the database, swap the alias. */
@Command(name = "reindex", description = "Rebuild the search index from the database without downtime.")
public class ReindexCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Map<String, Object> props = LocalServices.resolve();
        props.put("dayi.catalogue.seed-on-empty", false);
        props.put("dayi.scheduler.enabled", false); // a command-line tool runs no scheduled jobs
        try (ApplicationContext ctx = ApplicationContext.builder().properties(props).start()) {
            var result = ctx.getBean(SearchReindexer.class).rebuild(n -> {
                if (n % 10_000 == 0) {
                    System.err.println("  " + n + " documents");
                }
            });
            System.out.println("Rebuilt " + result.index() + " with " + result.documents() + " documents; alias swapped.");
            return 0;
        }
    }
}
