package io.taolun.app;

/** A config file or environment value that stops start-up; its message names the key and is printed as it is. */
final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message, null, false, false);
    }
}
