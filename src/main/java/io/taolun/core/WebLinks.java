package io.taolun.core;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the reading pages are on the web ({@code TAOLUN_PUBLIC_URL}), for the "阅读全文 / Read the article" links
 * that replies and poll posts carry; {@link #NONE} when it is not set, and then replies carry no link.
 *
 * @param base {@code http(s)://host[:port][/path]}, no query or fragment, without a trailing slash
 */
public record WebLinks(Optional<String> base) {
    public static final WebLinks NONE = new WebLinks(Optional.empty());

    public WebLinks {
        Objects.requireNonNull(base, "base");
        base.ifPresent(WebLinks::check);
    }

    /** The links of a public URL as configured; a bad one is refused with a line saying what is wrong. */
    public static WebLinks of(String url) {
        String value = url.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return new WebLinks(Optional.of(value));
    }

    private static void check(String url) {
        // a user:password@ part is never echoed back
        String shown = url.contains("@") ? "the value" : "\"" + SafeText.echo(url) + "\"";
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(shown + " is not an http(s) address like https://taolun.example.org");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getPort() > 65_535
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                || url.endsWith("/")) {
            throw new IllegalArgumentException(shown + " is not an http(s) address like "
                    + "https://taolun.example.org (an ASCII host name, a port up to 65535; no query, fragment or user)");
        }
    }

    /** The reading page of an article, at an anchor ({@code s3}) or at its top (empty anchor). */
    public Optional<String> article(String articleId, String anchor) {
        return base.map(b -> b + "/articles/" + articleId + (anchor.isEmpty() ? "" : "#" + anchor));
    }

    /** A poll's page. */
    public Optional<String> poll(long pollId) {
        return base.map(b -> b + "/polls/" + pollId);
    }
}
