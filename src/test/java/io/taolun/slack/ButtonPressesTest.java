package io.taolun.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.util.json.GsonFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ButtonPressesTest {
    private final Gson gson = GsonFactory.createSnakeCase();

    @Test
    void reads_a_press_as_bolt_would() {
        String body = SlackRequests.blockAction("T1", "C1", "alice", "taolun-button-2", "vote 7 3", "17.5",
                "http://hooks/r", "trig-1");

        BlockActionPayload p = ButtonPresses.read(body, gson).orElseThrow();

        assertThat(p.getUser().getId()).isEqualTo("alice");
        assertThat(p.getTeam().getId()).isEqualTo("T1");
        assertThat(p.getChannel().getId()).isEqualTo("C1");
        assertThat(p.getContainer().getMessageTs()).isEqualTo("17.5");
        assertThat(p.getResponseUrl()).isEqualTo("http://hooks/r");
        assertThat(p.getTriggerId()).isEqualTo("trig-1");
        assertThat(p.getActions()).singleElement().satisfies(a -> {
            assertThat(a.getActionId()).isEqualTo("taolun-button-2");
            assertThat(a.getValue()).isEqualTo("vote 7 3");
        });
    }

    @Test
    void leaves_everything_else_to_bolt() {
        assertThat(ButtonPresses.read(SlackRequests.slashCommand("T1", "C1", "alice", "about", "http://hooks/r",
                "trig"), gson)).isEmpty();
        assertThat(ButtonPresses.read(form("{\"type\":\"view_submission\",\"view\":{}}"), gson)).isEmpty();
        assertThat(ButtonPresses.read(form("{\"type\":\"shortcut\",\"note\":\"block_actions\"}"), gson)).isEmpty();
        assertThat(ButtonPresses.read("", gson)).isEmpty();
        assertThat(ButtonPresses.read(null, gson)).isEmpty();
    }

    @Test
    void a_malformed_press_is_not_read() {
        assertThat(ButtonPresses.read(form("{\"type\":\"block_actions\",\"actions\":"), gson)).isEmpty();
        assertThat(ButtonPresses.read(form("{\"type\":\"block_actions\",\"actions\":7}"), gson)).isEmpty();
        assertThat(ButtonPresses.read("payload=%ZZ%22block_actions%22", gson)).isEmpty();
        assertThat(ButtonPresses.read(form("[\"block_actions\"]"), gson)).isEmpty();
    }

    private static String form(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }
}
