package cn.dayi.marketplace.mail;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background sender: every {@code dayi.mail.poll-interval} (default 15 s) it delivers the outbox
 * ({@link MailOutbox#deliverDue}). A Micronaut {@code @Scheduled} job for now; its body is that one
 * use-case call, so the clustered Quartz job of the {@code ops} module can replace it by calling the
 * same method. Several nodes may run it at once (rows are leased).
 */
@Singleton
public class MailSender {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);

    private final MailOutbox outbox;
    private final Clock clock;

    MailSender(MailOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${dayi.mail.poll-interval:15s}", initialDelay = "${dayi.mail.initial-delay:15s}")
    void run() {
        if (!outbox.enabled()) {
            return;
        }
        try {
            int n = outbox.deliverDue(clock.instant());
            if (n > 0) {
                LOG.info("Sent {} mails", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("Mail delivery round failed; the next round tries again", e);
        }
    }
}
