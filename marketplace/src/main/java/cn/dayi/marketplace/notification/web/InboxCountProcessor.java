package cn.dayi.marketplace.notification.web;

import cn.dayi.marketplace.notification.Inbox;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Puts {@code inboxUnread} (the signed-in person's unread notifications) into the model of every page
 * rendered from a map model, for the inbox link in the page header ({@code layout.html}). Anonymous
 * pages get nothing, and the header shows no link.
 */
@Singleton
public class InboxCountProcessor implements ViewModelProcessor<Map<String, Object>> {

    private final Inbox inbox;

    public InboxCountProcessor(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        if (!(request.getUserPrincipal().orElse(null) instanceof Authentication auth)) {
            return;
        }
        long person;
        try {
            person = Long.parseLong(auth.getName());
        } catch (NumberFormatException e) {
            return;
        }
        modelAndView.getModel().ifPresent(model -> {
            try {
                model.put("inboxUnread", inbox.unread(person));
            } catch (UnsupportedOperationException immutableModel) {
                // a page built with an immutable model: its header shows the link without the count
            }
        });
    }
}
