package io.taolun.slack;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.taolun.core.HomeTab;
import io.taolun.core.Lang;
import io.taolun.core.Reply;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * App Home: when a user opens the app's Home tab ({@code app_home_opened}), the core's home for them is published
 * with {@code views.publish}. The event is acknowledged at once; the page follows on the calls executor.
 */
final class SlackHome {
    private static final Logger LOG = LoggerFactory.getLogger(SlackHome.class);
    /** Slack's limit on the blocks of a home view. */
    private static final int BLOCKS_MAX = 100;

    private final SlackWeb web;
    private final HomeTab home;
    private final Lang lang;
    private final Gson gson;
    private final ExecutorService calls;

    SlackHome(SlackWeb web, HomeTab home, Lang lang, Gson gson, ExecutorService calls) {
        this.web = web;
        this.home = home;
        this.lang = lang;
        this.gson = gson;
        this.calls = calls;
    }

    Response opened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        String team = payload.getTeamId();
        if (event == null || event.getUser() == null || team == null || !"home".equals(event.getTab())) {
            // the Messages tab, or an event without its user or team: nothing to publish
            return ctx.ack();
        }
        String user = event.getUser();
        calls.execute(() -> publish(team, user));
        return ctx.ack();
    }

    private void publish(String team, String user) {
        String view;
        try {
            view = view(home.of("slack", team, user, lang));
        } catch (RuntimeException e) {
            LOG.warn("the home of a slack user could not be built: {}", e.getClass().getSimpleName());
            return;
        }
        SlackWeb in = web.in(team);
        if (!in.call("views.publish", true, m -> m.viewsPublish(r -> r.userId(user).viewAsString(view))).ok()) {
            LOG.info("a slack user's home was not published");
        }
    }

    /** The reply as a home view: its Block Kit blocks, within Slack's limit. */
    String view(Reply reply) {
        JsonArray blocks = gson.toJsonTree(BlockKit.render(reply, null, null)).getAsJsonArray();
        while (blocks.size() > BLOCKS_MAX) {
            blocks.remove(blocks.size() - 1);
        }
        JsonObject view = new JsonObject();
        view.addProperty("type", "home");
        view.add("blocks", blocks);
        return view.toString();
    }
}
