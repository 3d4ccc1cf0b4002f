package io.taolun.core.article;

import io.taolun.core.yaml.StrictYaml;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads every {@code *.txt} article in a seeds directory with its {@code *.yaml} sidecar, if any. A sidecar that
 * breaks a rule stops loading with a {@link SeedException}; an article with no sidecar is loaded uncurated; a text
 * file that cannot be read as an article is skipped with a warning. An uncurated article gets its summaries, claims
 * and quotes from {@link AutoContent}, which sees words through the given {@link Segmenter}.
 */
public final class SeedLoader {
    private final StrictYaml yaml = new StrictYaml();
    private final Segmenter segmenter;

    /** A loader whose automatic content sees words as character pairs: no dictionary, for tests and tools. */
    public SeedLoader() {
        this(Segmenter.characterBigrams());
    }

    public SeedLoader(Segmenter segmenter) {
        this.segmenter = java.util.Objects.requireNonNull(segmenter, "segmenter");
    }

    /** Reads the directory; {@code dir} may live in a zip file system (the seeds bundled in the jar). */
    public Library load(Path dir) {
        List<Path> texts;
        try (Stream<Path> files = Files.list(dir)) {
            texts = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new SeedException(dir.toString(), "directory", "cannot be listed (" + e.getMessage() + ")");
        }
        List<Article> articles = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path text : texts) {
            String name = text.getFileName().toString();
            String id = name.substring(0, name.length() - ".txt".length());
            Path sidecar = text.resolveSibling(id + ".yaml");
            if (Files.exists(sidecar)) {
                articles.add(curated(id, text, sidecar));
            } else {
                uncurated(id, text, warnings).ifPresent(articles::add);
            }
        }
        return new Library(articles, warnings);
    }

    private Article curated(String id, Path text, Path sidecarPath) {
        List<String> lines;
        try {
            lines = readLines(text);
        } catch (IOException e) {
            throw new SeedException(text.toString(), "text", "cannot be read as UTF-8 (" + e.getMessage() + ")");
        }
        String file = sidecarPath.toString();
        Sidecar sidecar;
        try {
            sidecar = yaml.read(Files.readAllBytes(sidecarPath), Sidecar.class)
                    .orElseThrow(() -> new SeedException(file, "file", "is empty"));
        } catch (StrictYaml.Problem e) {
            throw new SeedException(file, e.where(), e.getMessage());
        } catch (IOException e) {
            throw new SeedException(file, "file", "cannot be read (" + e.getMessage() + ")");
        }
        return new SidecarValidator(file, lines).validate(id, sidecar);
    }

    private Optional<Article> uncurated(String id, Path text, List<String> warnings) {
        try {
            List<String> lines = readLines(text);
            if (lines.stream().allMatch(String::isBlank)) {
                warnings.add(text + ": skipped, it holds no text");
                return Optional.empty();
            }
            return Optional.of(AutoContent.of(UncuratedArticles.of(id, lines, segmenter), segmenter));
        } catch (IOException e) {
            warnings.add(text + ": skipped, it cannot be read as UTF-8 text (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** The article's lines exactly as in the file: split on LF, a trailing CR dropped, a leading BOM dropped. */
    static List<String> readLines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines.stream().map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l).toList();
    }
}
