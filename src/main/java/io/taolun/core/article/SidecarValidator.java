package io.taolun.core.article;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Checks a curated sidecar against its article and builds the {@link Article}. The first problem found stops the
 * check with a {@link SeedException} naming the field and the value.
 */
final class SidecarValidator {
    /** Longest prompt, in characters: one or two sentences, read in a thread. */
    private static final int MAX_PROMPT = 300;
    /** Longest answer label: Slack's button text limit. */
    private static final int MAX_ANSWER = 75;
    /** What an unfinished or unrendered text looks like: {0}, {{name}}, ${name}, TODO, TBD, FIXME, XXX, ???. */
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile(
            "\\{\\d+[,}]|\\{\\{|\\$\\{|\\bTODO\\b|\\bTBD\\b|\\bFIXME\\b|\\bXXX\\b|\\?\\?\\?");
    private final String file;
    private final List<String> lines;

    SidecarValidator(String file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    Article validate(String articleId, Sidecar s) {
        require(s.meta(), "meta");
        Localized title = text(s.meta().title(), "meta.title");
        Localized source = text(s.meta().source(), "meta.source");
        Optional<LocalDate> date = s.meta().date() == null ? Optional.empty() : Optional.of(date(s.meta().date()));
        String language = nonBlank(s.meta().language(), "meta.language");
        if (!language.equals("zh") && !language.equals("en")) {
            throw fail("meta.language", quote(language) + " is not zh or en");
        }
        Localized thesis = text(s.thesis(), "thesis");
        int disclaimer = disclaimerLine(s.disclaimer());
        List<Section> sections = sections(s.sections(), disclaimer);
        Map<String, Section> byId = new HashMap<>();
        sections.forEach(sec -> byId.put(sec.id(), sec));
        Set<String> ids = new HashSet<>(byId.keySet());
        List<Claim> claims = claims(s.claims(), byId, ids, disclaimer);
        List<Quote> quotes = quotes(s.quotes(), byId, ids, disclaimer);
        Closing closing = closing(s.closing(), disclaimer);
        Map<Integer, String> translation = translation(s.translation(), disclaimer);
        ArticleMeta meta = new ArticleMeta(title, source, date, language);
        return new Article(articleId, meta, lines, sections, claims, quotes, Optional.of(thesis), Optional.of(closing),
                OptionalInt.of(disclaimer), true, translation);
    }

    private List<Section> sections(List<Sidecar.SectionEntry> entries, int disclaimer) {
        require(entries, "sections");
        if (entries.isEmpty()) {
            throw fail("sections", "the list is empty");
        }
        List<Section> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int expectedFirst = 1;
        for (int i = 0; i < entries.size(); i++) {
            String at = "sections[" + i + "]";
            Sidecar.SectionEntry e = require(entries.get(i), at);
            String id = unique(nonBlank(e.id(), at + ".id"), ids, at + ".id");
            Localized title = text(e.title(), at + ".title");
            List<Integer> range = require(e.lines(), at + ".lines");
            if (range.size() != 2 || range.contains(null)) {
                throw fail(at + ".lines", range + " is not [first, last]");
            }
            int first = range.get(0);
            int last = range.get(1);
            if (first != expectedFirst) {
                String problem = first < expectedFirst
                        ? "line " + first + " is already covered by an earlier section"
                        : "lines " + expectedFirst + ".." + (first - 1) + " are covered by no section";
                throw fail(at + ".lines", range + ": " + problem);
            }
            if (last < first || last > lines.size()) {
                throw fail(at + ".lines", range + " must run forwards within lines 1.." + lines.size());
            }
            if (disclaimer >= first && disclaimer <= last && first == last) {
                throw fail(at + ".lines", range + " holds only the disclaimer, which is not content");
            }
            Localized summary = text(e.summary(), at + ".summary");
            out.add(new Section(id, i + 1, title, first, last, Optional.of(summary)));
            expectedFirst = last + 1;
        }
        if (expectedFirst != lines.size() + 1) {
            throw fail("sections", "lines " + expectedFirst + ".." + lines.size() + " are covered by no section");
        }
        return out;
    }

    private List<Claim> claims(List<Sidecar.ClaimEntry> entries, Map<String, Section> sections, Set<String> ids,
            int disclaimer) {
        List<Claim> out = new ArrayList<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            String at = "claims[" + i + "]";
            Sidecar.ClaimEntry e = require(entries.get(i), at);
            String id = unique(nonBlank(e.id(), at + ".id"), ids, at + ".id");
            Section section = section(e.section(), sections, at + ".section");
            ClaimKind kind = kind(e.kind(), at + ".kind");
            String text = nonBlank(e.text(), at + ".text");
            int line = spanLine(text, section, disclaimer, at + ".text");
            Localized statement = text(e.statement(), at + ".statement");
            standsAlone(statement.zh(), statement.en(), at + ".statement.zh", at + ".statement.en",
                    "say what it refers to");
            Localized question = text(e.question(), at + ".question");
            out.add(new Claim(id, section, kind, text, line, statement, question,
                    options(e.options(), kind, at + ".options"), prompts(e.prompts(), question, at + ".prompts")));
        }
        return out;
    }

    private List<Quote> quotes(List<Sidecar.QuoteEntry> entries, Map<String, Section> sections, Set<String> ids,
            int disclaimer) {
        List<Quote> out = new ArrayList<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            String at = "quotes[" + i + "]";
            Sidecar.QuoteEntry e = require(entries.get(i), at);
            String id = unique(nonBlank(e.id(), at + ".id"), ids, at + ".id");
            Section section = section(e.section(), sections, at + ".section");
            String text = nonBlank(e.text(), at + ".text");
            spanLine(text, section, disclaimer, at + ".text");
            String gloss = nonBlank(e.gloss(), at + ".gloss");
            boolean daily = e.daily() == null || e.daily();
            if (daily) {
                standsAlone(text, gloss, at + ".text", at + ".gloss",
                        "quote the whole sentence, or keep it out of the quote of the day with daily: false");
            }
            out.add(new Quote(id, i + 1, section, text, gloss, daily));
        }
        return out;
    }

    /**
     * The answers of a claim's question: a scale that fits the claim's kind, by name, or 2 to 10 answers of its own
     * in both languages.
     */
    private List<Localized> options(Object value, ClaimKind kind, String field) {
        require(value, field);
        if (value instanceof String word) {
            Scale scale = Scale.named(word).orElseThrow(() -> fail(field, quote(word) + " is no scale: use one of "
                    + java.util.Arrays.stream(Scale.values()).map(Scale::word).toList() + " or a list of {zh, en}"));
            if (!scale.fits(kind)) {
                throw fail(field, quote(word) + " does not fit a claim of kind "
                        + kind.name().toLowerCase(Locale.ROOT) + ": its answers would not answer the question");
            }
            return scale.options();
        }
        if (!(value instanceof List<?> list) || list.size() < 2 || list.size() > 10) {
            throw fail(field, "is neither a scale's name nor a list of 2 to 10 {zh, en} answers");
        }
        List<Localized> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m) || !m.keySet().equals(Set.of("zh", "en"))
                    || !(m.get("zh") instanceof String zh) || !(m.get("en") instanceof String en)) {
                throw fail(at, "is not {zh: ..., en: ...}");
            }
            out.add(new Localized(label(zh, at + ".zh"), label(en, at + ".en")));
        }
        return out;
    }

    /**
     * The 2 or 3 prompts of a curated claim: each in both languages, standing on its own (it is posted a day after
     * the claim), short enough to read in a thread, none repeated and none the poll's own question.
     */
    private List<Prompt> prompts(List<Sidecar.Text> entries, Localized question, String field) {
        require(entries, field);
        if (entries.size() < Prompt.MIN || entries.size() > Prompt.MAX) {
            throw fail(field, "has " + entries.size() + " prompts; a claim needs " + Prompt.MIN + " or " + Prompt.MAX);
        }
        List<Prompt> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(question.zh().strip(), question.en().strip()));
        for (int i = 0; i < entries.size(); i++) {
            String at = field + "[" + i + "]";
            Localized prompt = text(entries.get(i), at);
            for (String lang : List.of("zh", "en")) {
                String value = lang.equals("zh") ? prompt.zh() : prompt.en();
                if (value.length() > MAX_PROMPT) {
                    throw fail(at + "." + lang, quote(value) + " is longer than " + MAX_PROMPT + " characters");
                }
                if (!seen.add(value.strip())) {
                    throw fail(at + "." + lang, quote(value) + " repeats the question or an earlier prompt");
                }
            }
            if (prompt.zh().codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                throw fail(at + ".zh", quote(prompt.zh()) + " has no Chinese");
            }
            standsAlone(prompt.zh(), prompt.en(), at + ".zh", at + ".en", "name what it asks about");
            out.add(new Prompt(prompt, false));
        }
        return out;
    }

    private String label(String value, String field) {
        String v = nonBlank(value, field);
        if (v.length() > MAX_ANSWER) {
            throw fail(field, quote(v) + " is longer than " + MAX_ANSWER + " characters, too long for a button");
        }
        return v;
    }

    /**
     * Refuses a text that leans on a sentence it no longer has: one that opens with a connective or a bare
     * demonstrative, in either language. Such a text reads as a fragment in a poll or as the quote of the day.
     */
    private void standsAlone(String zh, String en, String zhField, String enField, String advice) {
        Optional<String> zhOpening = Fragments.zhOpening(zh);
        if (zhOpening.isPresent()) {
            throw fail(zhField, quote(zh) + " opens with " + quote(zhOpening.get())
                    + ", which leans on a sentence it does not have: " + advice);
        }
        Optional<String> enOpening = Fragments.enOpening(en);
        if (enOpening.isPresent()) {
            throw fail(enField, quote(en) + " opens with " + quote(enOpening.get())
                    + ", which leans on a sentence it does not have: " + advice);
        }
    }

    /** Every content line translated, no other line, nothing blank; no translation at all is allowed. */
    private Map<Integer, String> translation(Map<Integer, String> entries, int disclaimer) {
        if (entries == null) {
            return Map.of();
        }
        for (Map.Entry<Integer, String> e : entries.entrySet()) {
            String at = "translation." + e.getKey();
            int n = e.getKey();
            if (n < 1 || n > lines.size()) {
                throw fail(at, n + " is not a line of the article (1.." + lines.size() + ")");
            }
            if (n == disclaimer || lines.get(n - 1).isBlank()) {
                throw fail(at, "line " + n + " is " + (n == disclaimer ? "the disclaimer" : "blank")
                        + ", which is never shown");
            }
            nonBlank(e.getValue(), at);
        }
        for (int n = 1; n <= lines.size(); n++) {
            if (n != disclaimer && !lines.get(n - 1).isBlank() && !entries.containsKey(n)) {
                throw fail("translation", "line " + n + " has no translation; every line but the disclaimer needs one");
            }
        }
        return Map.copyOf(entries);
    }

    private Closing closing(Sidecar.ClosingEntry e, int disclaimer) {
        require(e, "closing");
        int line = lineNumber(e.line(), "closing.line");
        if (line == disclaimer) {
            throw fail("closing.line", line + " is the disclaimer line");
        }
        String text = nonBlank(e.text(), "closing.text");
        if (!lines.get(line - 1).strip().equals(text.strip())) {
            throw fail("closing.text", quote(text) + " is not line " + line + " of the article");
        }
        return new Closing(line, text, nonBlank(e.gloss(), "closing.gloss"));
    }

    private int disclaimerLine(Sidecar.DisclaimerEntry e) {
        return e == null ? 0 : lineNumber(e.line(), "disclaimer.line");
    }

    private int spanLine(String text, Section section, int disclaimer, String field) {
        for (int n = section.firstLine(); n <= section.lastLine(); n++) {
            if (lines.get(n - 1).contains(text)) {
                if (n == disclaimer) {
                    throw fail(field, quote(text) + " is in the disclaimer, which is never quoted or polled");
                }
                return n;
            }
        }
        throw fail(field, quote(text) + " is not a verbatim span of section " + section.id() + " (lines "
                + section.firstLine() + ".." + section.lastLine() + ")");
    }

    private Section section(String id, Map<String, Section> sections, String field) {
        Section section = sections.get(nonBlank(id, field));
        if (section == null) {
            throw fail(field, quote(id) + " names no section");
        }
        return section;
    }

    private ClaimKind kind(String value, String field) {
        try {
            return ClaimKind.valueOf(nonBlank(value, field).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(field, quote(value) + " is not opinion, prediction, recommendation or fact");
        }
    }

    private int lineNumber(Integer value, String field) {
        require(value, field);
        if (value < 1 || value > lines.size()) {
            throw fail(field, value + " is not a line of the article (1.." + lines.size() + ")");
        }
        return value;
    }

    private LocalDate date(String value) {
        try {
            return LocalDate.parse(nonBlank(value, "meta.date"));
        } catch (DateTimeParseException e) {
            throw fail("meta.date", quote(value) + " is not a date like 2025-08-01");
        }
    }

    private Localized text(Sidecar.Text t, String field) {
        require(t, field);
        return new Localized(nonBlank(t.zh(), field + ".zh"), nonBlank(t.en(), field + ".en"));
    }

    private String unique(String id, Set<String> seen, String field) {
        if (!seen.add(id)) {
            throw fail(field, quote(id) + " is used twice");
        }
        return id;
    }

    private String nonBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw fail(field, "missing or empty");
        }
        java.util.regex.Matcher placeholder = PLACEHOLDER.matcher(value);
        if (placeholder.find()) {
            throw fail(field, quote(value) + " holds the placeholder " + quote(placeholder.group()));
        }
        return value;
    }

    private <T> T require(T value, String field) {
        if (value == null) {
            throw fail(field, "missing");
        }
        return value;
    }

    private static String quote(String value) {
        String v = String.valueOf(value);
        return "\"" + (v.length() > 60 ? v.substring(0, 60) + "…" : v) + "\"";
    }

    private SeedException fail(String field, String problem) {
        return new SeedException(file, field, problem);
    }
}
