package cn.dayi.marketplace.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailOutboxTest {

    @Test
    void retriesWaitLongerEachTimeUpToTwoHours() {
        assertEquals(Duration.ofMinutes(1), MailOutbox.backoff(1));
        assertEquals(Duration.ofMinutes(2), MailOutbox.backoff(2));
        assertEquals(Duration.ofMinutes(4), MailOutbox.backoff(3));
        assertEquals(Duration.ofMinutes(64), MailOutbox.backoff(7));
        assertEquals(Duration.ofHours(2), MailOutbox.backoff(8));
        assertEquals(Duration.ofHours(2), MailOutbox.backoff(60));
    }

    @Test
    void theDefaultSenderWithAChineseNameIsAValidAddress() throws Exception {
        jakarta.mail.internet.InternetAddress a = SmtpMailer.sender("Dayi 大仪 <noreply@dayi.local>");
        assertEquals("noreply@dayi.local", a.getAddress());
        assertEquals("Dayi 大仪", a.getPersonal());
        assertEquals("noreply@dayi.test", SmtpMailer.sender("noreply@dayi.test").getAddress());
    }

    @Test
    void bilingualTextComesFromTheBundleInBothLanguages() {
        BilingualText text = new BilingualText();
        assertEquals("已取消", text.get(BilingualText.Lang.ZH, "order.state.CANCELLED"));
        assertEquals("cancelled", text.get(BilingualText.Lang.EN, "order.state.CANCELLED"));
        assertEquals("订单：#12345（机时预约）", text.get(BilingualText.Lang.ZH, "order.body.order", "12345", "机时预约"));
        assertEquals("no.such.key", text.get(BilingualText.Lang.EN, "no.such.key"));
    }
}
