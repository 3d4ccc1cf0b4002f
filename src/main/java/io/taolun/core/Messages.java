package io.taolun.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-facing string, looked up in the {@code messages_zh} and {@code messages_en} bundles. Patterns use
 * {@link MessageFormat}, so a literal apostrophe is written {@code ''} in the bundle; inside a choice branch that holds
 * an argument ({@code {0,choice,1#...|1<... {0} ...}}) the branch is parsed a second time, where {@code ''} would quote
 * the rest of it, so those branches use the typographic apostrophe (’).
 */
public final class Messages {
    private static final String BUNDLE = "io.taolun.core.messages";

    private final Lang lang;
    private final ResourceBundle bundle;

    private Messages(Lang lang) {
        this.lang = lang;
        this.bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(lang.code()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The messages of one language. Bundles are cached by {@link ResourceBundle}, so this is cheap. */
    public static Messages of(Lang lang) {
        return new Messages(lang);
    }

    public Lang lang() {
        return lang;
    }

    /** The message for {@code key}, with {@code args} filled in. A missing key is a bug and fails loudly in tests. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message '" + key + "' in " + lang.code(), e);
        }
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // ids are shown as typed (#1234, not #1,234); pass other numbers that must not be grouped as strings
            plain[i] = args[i] instanceof Long ? String.valueOf(args[i]) : args[i];
        }
        return new MessageFormat(pattern, Locale.forLanguageTag(lang.code())).format(plain);
    }

    /** True when the bundle has this key. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
