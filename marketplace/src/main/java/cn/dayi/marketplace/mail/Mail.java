package cn.dayi.marketplace.mail;

/**
 * One e-mail to queue.
 *
 * @param recipient  the address
 * @param subject    one line
 * @param body       plain text (zh-CN first, English beside)
 * @param ics        an iCalendar text to attach as {@code text/calendar}, or null
 * @param icsMethod  the iTIP method of {@code ics} (REQUEST, CANCEL, PUBLISH), or null
 * @param dedupeKey  the same key is queued once (e.g. {@code order-event:<id>:<person>}), or null
 */
public record Mail(String recipient, String subject, String body, String ics, String icsMethod, String dedupeKey) {

    /** A mail without attachment. */
    public static Mail of(String recipient, String subject, String body, String dedupeKey) {
        return new Mail(recipient, subject, body, null, null, dedupeKey);
    }
}
