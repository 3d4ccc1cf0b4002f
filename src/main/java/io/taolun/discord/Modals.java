package io.taolun.discord;

import io.taolun.core.Action;
import io.taolun.core.Form;
import io.taolun.core.SafeText;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/** A core {@link Form} as a Discord modal of one text field, and its submission read back as the form's action. */
final class Modals {
    private static final String INPUT = "value";

    private Modals() {
    }

    /** The modal: its id is the form's action, which the submission carries back. */
    static Modal of(Form form) {
        TextInput.Builder input = TextInput.create(INPUT, TextInputStyle.SHORT).setRequiredRange(1,
                Math.min(form.maxLength(), TextInput.MAX_VALUE_LENGTH));
        if (!form.placeholder().isEmpty()) {
            input.setPlaceholder(SafeText.cut(form.placeholder(), TextInput.MAX_PLACEHOLDER_LENGTH));
        }
        return Modal.create(form.action(), SafeText.cut(form.title(), Modal.MAX_TITLE_LENGTH))
                .addComponents(Label.of(SafeText.cut(form.label(), Label.LABEL_MAX_LENGTH), input.build())).build();
    }

    /** The action a submitted modal stands for; empty for a modal that is not a form of ours. */
    static Optional<Action> submitted(ModalInteractionEvent event) {
        ModalMapping value = event.getValue(INPUT);
        return Action.submitted(event.getModalId(), value == null ? "" : value.getAsString());
    }
}
