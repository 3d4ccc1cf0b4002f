package io.taolun.core;

import java.util.Objects;

/**
 * A button under a reply. The action id is what the core receives back when it is pressed; adapters never
 * interpret it, and the core validates it again when it comes back.
 */
public record Button(String actionId, String label) {
    public Button {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(label, "label");
        if (actionId.isBlank() || actionId.length() > 100) {
            throw new IllegalArgumentException("action id must be 1 to 100 characters");
        }
    }
}
