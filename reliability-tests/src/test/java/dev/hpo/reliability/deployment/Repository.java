package dev.hpo.reliability.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checked-out repository these tests read deployment files from. */
record Repository(Path root) {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    static Repository located() {
        String root = System.getProperty("hpo.repository.root");
        if (root == null) {
            throw new IllegalStateException("system property hpo.repository.root is not set (the build sets it)");
        }
        return new Repository(Path.of(root).toAbsolutePath().normalize());
    }

    Path resolve(String relative) {
        return root.resolve(relative).normalize();
    }

    String read(String relative) {
        try {
            return Files.readString(resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The modules the root pom lists, in order. */
    List<String> modules() {
        Matcher matcher = MODULE.matcher(read("pom.xml"));
        List<String> modules = new ArrayList<>();
        while (matcher.find()) {
            modules.add(matcher.group(1).trim());
        }
        return modules;
    }

    /** Whether MAIN_CLASS has a source file in MODULE's main sources. */
    boolean hasMainClass(String module, String mainClass) {
        return Files.isRegularFile(resolve(module + "/src/main/java/" + mainClass.replace('.', '/') + ".java"));
    }
}
