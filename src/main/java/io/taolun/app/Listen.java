package io.taolun.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the HTTP server listens: {@code TAOLUN_BIND} (an address of this host, default {@code 0.0.0.0}: every
 * interface, as a container needs), {@code TAOLUN_PORT} (default 3000) and {@code TAOLUN_MANAGEMENT_PORT} (default:
 * the same port). A separate management port carries {@code /healthz}, {@code /readyz} and {@code /metrics}, and the
 * public port then serves only Slack.
 */
record Listen(String bind, int port, int managementPort) {
    static final int DEFAULT_PORT = 3000;

    Listen {
        List<String> problems = problems(bind, String.valueOf(port), String.valueOf(managementPort));
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("; ", problems));
        }
    }

    static Listen from(Map<String, String> env) {
        List<String> problems = problems(env);
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("; ", problems));
        }
        int port = Integer.parseInt(portText(env));
        String management = PlatformSettings.variable(env, "TAOLUN_MANAGEMENT_PORT").orElse(String.valueOf(port));
        return new Listen(bind(env), port, Integer.parseInt(management));
    }

    /** True when health and metrics have a port of their own. */
    boolean separateManagement() {
        return managementPort != port;
    }

    /** Everything wrong with the three variables, one line each naming the variable. */
    static List<String> problems(Map<String, String> env) {
        // unset, the management port is the port: checked once, under its own name
        String port = portText(env);
        String management = PlatformSettings.variable(env, "TAOLUN_MANAGEMENT_PORT").orElse(isPort(port) ? port : "1");
        return problems(bind(env), port, management);
    }

    private static List<String> problems(String bind, String port, String management) {
        List<String> problems = new ArrayList<>();
        if (!isPort(port)) {
            problems.add("TAOLUN_PORT: \"" + port + "\" is not a port number (0 to 65535)");
        }
        if (!isPort(management)) {
            problems.add("TAOLUN_MANAGEMENT_PORT: \"" + management + "\" is not a port number (1 to 65535)");
        } else if (isPort(port) && !management.equals(port) && Integer.parseInt(management) == 0) {
            problems.add("TAOLUN_MANAGEMENT_PORT: 0 is not a port to listen on; leave it unset to share TAOLUN_PORT");
        }
        // an address, not a host name to resolve: letters, digits, dots and colons (IPv6) only
        if (bind.isEmpty() || bind.length() > 45 || !bind.matches("[0-9A-Fa-f.:]+")) {
            problems.add("TAOLUN_BIND: \"" + bind.substring(0, Math.min(bind.length(), 45))
                    + "\" is not an IP address (for example 0.0.0.0, 127.0.0.1 or ::)");
        }
        return problems;
    }

    private static boolean isPort(String text) {
        return text.matches("\\d{1,5}") && Integer.parseInt(text) <= 65535;
    }

    private static String bind(Map<String, String> env) {
        return PlatformSettings.variable(env, "TAOLUN_BIND").orElse("0.0.0.0");
    }

    private static String portText(Map<String, String> env) {
        return env.getOrDefault("TAOLUN_PORT", String.valueOf(DEFAULT_PORT)).strip();
    }
}
