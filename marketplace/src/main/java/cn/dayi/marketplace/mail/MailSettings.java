package cn.dayi.marketplace.mail;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Mail configuration ({@code dayi.mail.*}; environment {@code DAYI_SMTP_HOST}, {@code DAYI_SMTP_PORT},
 * {@code DAYI_SMTP_USER}, {@code DAYI_SMTP_PASSWORD}, {@code DAYI_SMTP_STARTTLS}, {@code DAYI_MAIL_FROM},
 * {@code DAYI_BASE_URL}). Mail is {@link #enabled() enabled} only when an SMTP host is set.
 */
@Singleton
public class MailSettings {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final boolean startTls;
    private final String from;
    private final String baseUrl;

    public MailSettings(@Value("${dayi.mail.smtp-host:}") String host, @Value("${dayi.mail.smtp-port:25}") int port,
                        @Value("${dayi.mail.smtp-user:}") String user, @Value("${dayi.mail.smtp-password:}") String password,
                        @Value("${dayi.mail.starttls:false}") boolean startTls,
                        @Value("${dayi.mail.from:Dayi 大仪 <noreply@dayi.local>}") String from,
                        @Value("${dayi.mail.base-url:http://localhost:8080}") String baseUrl) {
        this.host = host == null ? "" : host.strip();
        this.port = port;
        this.user = user == null ? "" : user.strip();
        this.password = password == null ? "" : password;
        this.startTls = startTls;
        this.from = from;
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
    }

    /** True when an SMTP host is configured; otherwise no mail is queued or sent (the inbox still works). */
    public boolean enabled() {
        return !host.isEmpty();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean startTls() {
        return startTls;
    }

    /** The From address, e.g. {@code Dayi 大仪 <noreply@dayi.local>}. */
    public String from() {
        return from;
    }

    /** The platform's address as people reach it, without a trailing slash; links in mails start with it. */
    public String baseUrl() {
        return baseUrl;
    }
}
