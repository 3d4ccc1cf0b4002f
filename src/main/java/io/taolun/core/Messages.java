package io.taolun.core;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
    private static final Map<Lang, Messages> ALL = new EnumMap<>(Lang.class);

    static {
        for (Lang lang : Lang.values()) {
            ALL.put(lang, new Messages(lang));
        }
    }

    private final Lang lang;
    private final Locale locale;
    private final ResourceBundle bundle;
    /**
     * Parsed patterns, one map per thread: parsing a pattern builds a {@link MessageFormat} and, for every number in
     * it, a {@code DecimalFormat} with the locale's symbols, which cost more than the formatting itself on every
     * answer; and a {@code MessageFormat} (with the formats inside it) must not be used by two threads at once. The
     * maps are bounded by the bundle's keys.
     */
    private final ThreadLocal<Map<String, MessageFormat>> formats = ThreadLocal.withInitial(HashMap::new);

    private Messages(Lang lang) {
        this.lang = lang;
        this.locale = Locale.forLanguageTag(lang.code());
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The messages of one language: one shared instance per language, loaded once. */
    public static Messages of(Lang lang) {
        return ALL.get(lang);
    }

    public Lang lang() {
        return lang;
    }

    /** The message for {@code key}, with {@code args} filled in. A missing key is a bug and fails loudly in tests. */
    public String get(String key, Object... args) {
        MessageFormat format = formats.get().computeIfAbsent(key, this::parse);
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // ids are shown as typed (#1234, not #1,234); pass other numbers that must not be grouped as strings
            plain[i] = args[i] instanceof Long ? String.valueOf(args[i]) : args[i];
        }
        return format.format(plain);
    }

    private MessageFormat parse(String key) {
        try {
            return new MessageFormat(bundle.getString(key), locale);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message '" + key + "' in " + lang.code(), e);
        }
    }

    /** True when the bundle has this key. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
