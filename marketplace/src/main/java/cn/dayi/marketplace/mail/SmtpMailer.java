package cn.dayi.marketplace.mail;

import jakarta.activation.DataHandler;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Sends one message over SMTP with Jakarta Mail (Angus); a calendar goes as a {@code text/calendar} attachment. */
@Singleton
class SmtpMailer {

    private final MailSettings settings;

    SmtpMailer(MailSettings settings) {
        this.settings = settings;
    }

    /** The From address; a display name with Chinese characters is MIME-encoded (UTF-8). */
    static InternetAddress sender(String from) throws MessagingException {
        InternetAddress parsed = InternetAddress.parse(from, false)[0];
        if (parsed.getPersonal() == null) {
            return parsed;
        }
        try {
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    void send(String recipient, String subject, String body, String ics, String icsMethod, String fileStem)
            throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.writetimeout", "20000");
        if (settings.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        boolean auth = !settings.user().isEmpty();
        p.put("mail.smtp.auth", Boolean.toString(auth));
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(sender(settings.from()));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient));
        m.setSubject(subject, StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        if (ics == null) {
            m.setText(body, StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, StandardCharsets.UTF_8.name());
            MimeBodyPart calendar = new MimeBodyPart();
            String type = "text/calendar; charset=UTF-8" + (icsMethod == null ? "" : "; method=" + icsMethod);
            calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(ics.getBytes(StandardCharsets.UTF_8), type)));
            calendar.setFileName(fileStem + ".ics");
            calendar.setDisposition(MimeBodyPart.ATTACHMENT);
            m.setContent(new MimeMultipart(text, calendar));
        }
        m.saveChanges();
        if (auth) {
            Transport.send(m, settings.user(), settings.password());
        } else {
            Transport.send(m);
        }
    }
}
