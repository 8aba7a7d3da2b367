package dev.hpo.runner.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The folders a worker lets a study's spec read datasets from. A spec is written by whoever may create studies
 * and is handed to every worker, so the dataset folder it names ({@code trialSettings.dataset.directory}) is
 * looked for only inside these roots: a relative folder under each root in turn, an absolute one only when it lies
 * inside a root. Both are judged by where they really are, links followed, so a link inside a root that points
 * elsewhere leads nowhere. Folders the worker itself chooses (its {@code --dataset-dir} options, a source's default
 * location) are not judged: the person starting the worker named them.
 *
 * @param roots the roots in the order a relative folder is looked for in them
 */
public record DataRoots(List<Path> roots) {

    /** The field of the spec whose folders these roots judge, named in every refusal. */
    public static final String FIELD = "trialSettings.dataset.directory";

    /** The worker's own data directory, where a user keeps datasets for it. */
    public static final Path USER_DATASETS = Path.of(System.getProperty("user.home"), ".hpo", "datasets");

    /** Where Debian's dataset packages ({@code dataset-fashion-mnist}) install. */
    public static final Path SYSTEM_DATASETS = Path.of("/usr/share/datasets");

    private static final String HOW_TO_ALLOW = "; start the worker with --data-root to allow another folder";

    public DataRoots {
        roots = List.copyOf(Objects.requireNonNull(roots, "roots"));
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one data root");
        }
    }

    /** The roots a worker has unless it is given others: {@link #USER_DATASETS} and {@link #SYSTEM_DATASETS}. */
    public static DataRoots defaults() {
        return new DataRoots(List.of(USER_DATASETS, SYSTEM_DATASETS));
    }

    /**
     * Where the spec's dataset folder really is.
     *
     * @param directory the folder as the spec names it
     * @return its real path, inside one of the roots
     * @throws IllegalArgumentException naming {@link #FIELD} when the folder lies outside every root, or is in none
     *     of them
     */
    public Path resolve(String directory) {
        Path named;
        try {
            named = Path.of(directory);
        } catch (InvalidPathException e) {
            throw refusal("\"" + directory + "\" is not a folder name: " + e.getReason());
        }
        List<Path> realRoots = realRoots();
        if (named.isAbsolute()) {
            // Judged by its name first, so that a refusal never tells whether a folder outside the roots exists.
            Path lexical = named.normalize();
            if (roots.stream().noneMatch(r -> lexical.startsWith(r.toAbsolutePath().normalize()))
                    && realRoots.stream().noneMatch(lexical::startsWith)) {
                throw refusal(directory + " is outside this worker's data roots (" + describe() + ")" + HOW_TO_ALLOW);
            }
            Path real = real(named).orElseThrow(() -> refusal(directory + " does not exist"));
            if (realRoots.stream().noneMatch(real::startsWith)) {
                throw refusal(directory + " is really " + real + ", outside this worker's data roots ("
                        + describe() + ")" + HOW_TO_ALLOW);
            }
            return real;
        }
        for (Path root : realRoots) {
            Optional<Path> real = real(root.resolve(named));
            if (real.isPresent() && realRoots.stream().anyMatch(real.get()::startsWith)) {
                return real.get();
            }
            if (real.isPresent()) {
                throw refusal(directory + " under " + root + " is really " + real.get() + ", outside this worker's"
                        + " data roots (" + describe() + ")" + HOW_TO_ALLOW);
            }
        }
        throw refusal(directory + " is in none of this worker's data roots (" + describe() + ")");
    }

    /** The roots, one after the other, as a worker's log and a refusal show them. */
    public String describe() {
        return roots.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    /** The roots that exist, as they really are; a missing root holds nothing. */
    private List<Path> realRoots() {
        List<Path> real = new ArrayList<>();
        for (Path root : roots) {
            real(root.toAbsolutePath()).ifPresent(real::add);
        }
        return real;
    }

    private static Optional<Path> real(Path path) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static IllegalArgumentException refusal(String why) {
        return new IllegalArgumentException(FIELD + ": " + why);
    }
}
