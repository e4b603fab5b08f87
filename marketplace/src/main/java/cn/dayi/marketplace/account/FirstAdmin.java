package cn.dayi.marketplace.account;

import cn.dayi.marketplace.catalogue.OrganisationKind;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first platform admin on an empty database, from configuration:
 * {@code dayi.accounts.first-admin.email} and {@code .password} (environment
 * {@code DAYI_ADMIN_EMAIL}, {@code DAYI_ADMIN_PASSWORD}), in the platform's own organisation
 * 大仪平台管理中心 (kind AUTHORITY). Does nothing when anyone has an account already, or when
 * the settings are absent (then it says so in the log). With {@code dayi.accounts.first-admin.announce}
 * (set by the local run when {@code DAYI_ADMIN_EMAIL} is absent) it writes the generated password to
 * the log once, so a newcomer can sign in; change it at {@code /account}.
 */
@Singleton
public class FirstAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final Organisations organisations;
    private final String email;
    private final String password;
    private final boolean announce;

    public FirstAdmin(Accounts accounts, Organisations organisations,
                      @Value("${dayi.accounts.first-admin.email:}") String email,
                      @Value("${dayi.accounts.first-admin.password:}") String password,
                      @Value("${dayi.accounts.first-admin.announce:false}") boolean announce) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.email = email;
        this.password = password;
        this.announce = announce;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        ensure();
    }

    /** Creates the first admin when there is nobody yet; true when it did. */
    public synchronized boolean ensure() {
        if (accounts.count() > 0) {
            return false;
        }
        if (email.isBlank() || password.isBlank()) {
            LOG.warn("No accounts yet and no first admin configured: set DAYI_ADMIN_EMAIL and DAYI_ADMIN_PASSWORD "
                    + "(dayi.accounts.first-admin.email/.password) to create one.");
            return false;
        }
        var platform = organisations.search("大仪平台管理中心", OrganisationKind.AUTHORITY, 1).stream().findFirst()
                .orElseGet(() -> organisations.create("大仪平台管理中心", "Dayi platform management centre",
                        OrganisationKind.AUTHORITY, null));
        accounts.create(email, "Platform admin", password, platform.id(), Role.PLATFORM_ADMIN, null);
        if (announce) {
            LOG.warn("Created the first platform admin: sign in at /sign-in as {} with the password {} "
                    + "(shown only now; change it on /account, or set DAYI_ADMIN_EMAIL/DAYI_ADMIN_PASSWORD next time)",
                    Accounts.normalise(email), password);
        } else {
            LOG.info("Created the first platform admin {} in {}", Accounts.normalise(email), platform.nameZh());
        }
        return true;
    }
}
