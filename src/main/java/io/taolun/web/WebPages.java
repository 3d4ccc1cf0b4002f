package io.taolun.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollQueries;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages, by path: {@code /} the library, {@code /articles/<id>} an article's reading page, {@code /polls/<id>} a
 * poll's page and {@code /polls/<id>.json} its counts, {@code /static/...} the style sheet and the script. GET and
 * HEAD only. Every answer carries {@link #SECURITY_HEADERS}; pages carry an ETag and answer 304 to a matching
 * {@code If-None-Match}. {@code ?lang=en} shows a page in English (the article beside its translation).
 */
public final class WebPages {
    /**
     * Nothing from outside the server: scripts, styles, images and requests from this origin only, no inline script
     * or style, no framing, no forms, no referrer sent with links out.
     */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                    + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");
    private static final Pattern ARTICLE = Pattern.compile("/articles/([A-Za-z0-9_.-]{1,200})");
    private static final Pattern POLL = Pattern.compile("/polls/(\\d{1,18})(\\.json)?");
    private static final Map<String, String> STATIC = Map.of("/static/taolun.css", "text/css; charset=utf-8",
            "/static/taolun.js", "text/javascript; charset=utf-8");
    private final Library library;
    private final ArticlePage articles;
    private final PollPage polls;
    private final Map<String, Mustache> templates = new LinkedHashMap<>();
    private final Map<String, byte[]> statics = new LinkedHashMap<>();
    private final Map<String, byte[]> extra = new LinkedHashMap<>();
    /** Rendered article and library pages, by path and language, for a short while. */
    private final Cache<String, WebResponse> rendered;

    public WebPages(Library library, PollQueries polls, Clock clock) {
        this(library, polls, clock, Map.of(), Duration.ZERO, Ticker.systemTicker());
    }

    /**
     * @param fresh how long a rendered reading page or library page is served as it is (its claims' tallies that
     *              much behind); poll pages and their JSON are never kept
     */
    public WebPages(Library library, PollQueries polls, Clock clock, Duration fresh, Ticker ticker) {
        this(library, polls, clock, Map.of(), fresh, ticker);
    }

    /**
     * @param files more static files, served as HTML under {@code /static/<name>} (a benchmark's baseline: the same
     *              bytes as a page, from the same server)
     */
    public WebPages(Library library, PollQueries polls, Clock clock, Map<String, byte[]> files, Duration fresh,
            Ticker ticker) {
        this.rendered = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(fresh).maximumSize(64).build();
        files.forEach((name, bytes) -> {
            if (!name.matches("[a-z0-9-]{1,40}\\.html")) {
                throw new IllegalArgumentException("not a static file name: " + name);
            }
            extra.put("/static/" + name, bytes.clone());
        });
        this.library = library;
        this.articles = new ArticlePage(polls, clock);
        this.polls = new PollPage(library, polls, clock);
        DefaultMustacheFactory factory = new DefaultMustacheFactory("io/taolun/web");
        for (String name : List.of("library", "article", "poll", "missing")) {
            templates.put(name, factory.compile(name + ".mustache"));
        }
        STATIC.keySet().forEach(path -> statics.put(path, resource(path.substring("/static/".length()))));
    }

    /** The answer to a request; {@code query} is the raw query string, {@code ifNoneMatch} the header's value. */
    public WebResponse handle(String method, String path, Optional<String> query, Optional<String> ifNoneMatch) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return withSecurity(new WebResponse(405, "text/plain; charset=utf-8",
                    "GET or HEAD only\n".getBytes(StandardCharsets.UTF_8), Map.of("Allow", "GET, HEAD")));
        }
        boolean english = query.map(q -> List.of(q.split("&")).contains("lang=en")).orElse(false);
        WebResponse response = route(path == null ? "/" : path, english);
        if (response.status() == 200 && ifNoneMatch.isPresent()
                && matches(ifNoneMatch.get(), response.headers().get("ETag"))) {
            response = new WebResponse(304, response.contentType(), new byte[0], response.headers());
        }
        return withSecurity(response);
    }

    /** {@code If-None-Match}: {@code *}, or a list of tags, weak ({@code W/}) or strong, one of them this one. */
    private static boolean matches(String header, String etag) {
        if (etag == null) {
            return false;
        }
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this server answers the path (the rest is the app's). */
    public static boolean serves(String path) {
        return path != null && (path.equals("/") || path.startsWith("/articles/") || path.startsWith("/polls/")
                || path.startsWith("/static/"));
    }

    private WebResponse route(String path, boolean english) {
        if (path.equals("/")) {
            return rendered.get("/ " + english, k -> page("library", libraryModel(english), english, "no-cache"));
        }
        if (extra.containsKey(path)) {
            byte[] body = extra.get(path);
            return new WebResponse(200, "text/html; charset=utf-8", body, Map.of("ETag", etag(body),
                    "Cache-Control", "public, max-age=3600"));
        }
        if (STATIC.containsKey(path)) {
            byte[] body = statics.get(path);
            return new WebResponse(200, STATIC.get(path), body, Map.of("ETag", etag(body),
                    "Cache-Control", "public, max-age=3600"));
        }
        Matcher article = ARTICLE.matcher(path);
        if (article.matches()) {
            Optional<Article> found = library.find(article.group(1));
            return found.isPresent() ? rendered.get(path + " " + english,
                    k -> page("article", articles.model(found.get(), english), english, "no-cache"))
                    : missing(english);
        }
        Matcher poll = POLL.matcher(path);
        if (poll.matches()) {
            Optional<Poll> found = polls.find(Long.parseLong(poll.group(1)));
            if (found.isEmpty()) {
                return missing(english);
            }
            if (poll.group(2) != null) {
                return new WebResponse(200, "application/json", polls.json(found.get()),
                        Map.of("Cache-Control", "no-store"));
            }
            return page("poll", polls.model(found.get(), english), english, "no-cache");
        }
        return missing(english);
    }

    private Map<String, Object> libraryModel(boolean english) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Article a : library.articles()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("href", "/articles/" + a.id() + (english ? "?lang=en" : ""));
            item.put("title", english ? a.meta().title().en() : a.meta().title().zh());
            item.put("source", english ? a.meta().source().en() : a.meta().source().zh());
            item.put("counts", WebText.format(english, "counts", a.sections().size(), a.claims().size(),
                    a.quotes().size()));
            list.add(item);
        }
        return new LinkedHashMap<>(Map.of("articles", list));
    }

    private WebResponse missing(boolean english) {
        return page("missing", new LinkedHashMap<>(), english, "no-cache").withStatus(404);
    }

    private WebResponse page(String template, Map<String, Object> model, boolean english, String cache) {
        model.putIfAbsent("title", title(template, model, english));
        model.put("t", WebText.of(english));
        model.put("lang", english ? "en" : "zh");
        model.put("english", english);
        StringWriter out = new StringWriter();
        templates.get(template).execute(out, model);
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        return new WebResponse(200, "text/html; charset=utf-8", body, Map.of("ETag", etag(body),
                "Cache-Control", cache));
    }

    private static String title(String template, Map<String, Object> model, boolean english) {
        return switch (template) {
            case "article" -> String.valueOf(model.get(english ? "titleEn" : "titleZh"));
            case "poll" -> WebText.of(english).get("poll") + " #" + model.get("id");
            case "library" -> "Taolun 讨论 · " + WebText.of(english).get("library");
            default -> "Taolun 讨论";
        };
    }

    private static WebResponse withSecurity(WebResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.putAll(SECURITY_HEADERS);
        return new WebResponse(response.status(), response.contentType(), response.body(), headers);
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing web resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
